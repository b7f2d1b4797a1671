"""portal: server-rendered pages for parents, referrers, desks and providers over the services'
HTTP APIs. Keeps nothing durable; every script, style and chart library is served by itself."""
