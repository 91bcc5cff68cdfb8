"""The v1 HTTP API: a public contract for inbox tools. Extend it; never rename a field."""
