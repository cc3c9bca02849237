"""SQLAlchemy adapters for the service ports: rows, repositories, unit of work, migrations."""
