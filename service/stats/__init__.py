"""Response deadlines and review outcomes: the numbers behind ``GET /v1/stats`` and ``/metrics``."""
