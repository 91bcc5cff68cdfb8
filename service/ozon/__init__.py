"""The Ozon connection: Seller API client, push ingestion, polling, chat windows."""
