//! Price lists: sale and override prices per currency, region, quantity and customer group.
