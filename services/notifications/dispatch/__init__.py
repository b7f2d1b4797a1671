"""Sending planned deliveries: claims, channels and the recording of outcomes."""
