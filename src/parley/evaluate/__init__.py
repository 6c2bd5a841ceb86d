"""Benchmark metrics: timeline summarisation (AR-1/AR-2 F, Date-F1 on Timeline17)."""
