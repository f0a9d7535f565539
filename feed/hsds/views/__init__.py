"""The HSDS operations, one module per kind of record."""
