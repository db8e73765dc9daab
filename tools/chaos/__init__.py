"""Fault injection under load (`make chaos`): kill each process, restart the broker, scale out,
and check that no acknowledged report is lost and nobody is paged twice."""
