"""GezondIn kennisbank: practice examples, knowledge pages, municipality sections, finding them."""
