"""The partner feed's shared machinery: parameters, problems, caching headers, envelope."""
