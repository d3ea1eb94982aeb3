"""Record forms: add and edit contracts, tranches, deliveries and retirements."""
