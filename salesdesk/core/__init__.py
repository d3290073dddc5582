"""Qt-free core of SalesDesk: models, storage, migrations, services and method rules."""
