"""The small shared runtime every service uses: settings, logging, database, outbox, inbox,
consumers with dead letters, broker factory, HTTP app factory, authentication and Redis helpers."""
