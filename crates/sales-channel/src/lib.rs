//! Publishable API keys and the sales channels they scope (sales channels themselves come with the catalog).
