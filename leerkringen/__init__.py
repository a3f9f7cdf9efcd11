"""GezondIn leerkringen: the agenda of learning circles, webinars and study days, and sign-ups."""
