//! Regions (countries, currencies, tax settings, payment and fulfillment providers) and the provider plug points.
