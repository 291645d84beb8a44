"""`make bench`: throughput and start-up figures, printed as one aligned table.

Each benchmark is a function in `bench/cases/*.py` registered with `@benchmark("name")`; it returns rows.
A later issue adds a row by adding a module there: `python -m bench` discovers every module in the package.
"""
