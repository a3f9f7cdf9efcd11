"""Settings and wiring of the GezondIn reference site (base, dev, production, test)."""
