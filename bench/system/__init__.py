"""The whole system measured in one run: ``python -m bench.system`` (``make bench`` / ``make bench-full``).

Starts every process on free ports (tansu, Redis, mail sink, identity, the five services, portal),
measures the raw broker against that same tansu, then the system: registrations per second over
HTTP, RequestRegistered -> provider-notified latency at a steady rate, the reporting rebuild rate,
and the peak memory of every process. Prints a table beside the raw-broker figures and writes JSON
to ``var/bench/``. Figures only: nothing here is asserted by the test suite.
"""
