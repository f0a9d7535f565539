"""The partner feed: every /api/ endpoint (sections, services, search, changes, Atom, HSDS),
its shared machinery (parameters, problems, caching headers, envelope) and OpenAPI shapes."""
