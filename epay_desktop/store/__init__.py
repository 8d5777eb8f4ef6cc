"""The local database: engine and worker thread (db), unit of work (tx), repositories, migrations."""
