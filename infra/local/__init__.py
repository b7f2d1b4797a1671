"""Start the whole system as local processes: for ``make run`` and for the test suite."""
