package dev.newsroom.adapter.in.pages;

import dev.newsroom.domain.LeadImage;

/**
 * What a page says about itself in its head: title, description (the excerpt), canonical address, Open Graph type,
 * an image (may be null), JSON-LD (may be null) and whether search engines should leave it out of their index.
 */
record PageHead(String title, String description, String canonical, String ogType, LeadImage image, String jsonLd,
                boolean noindex) {

    static PageHead of(String title, String description, String canonical) {
        return new PageHead(title, description, canonical, "website", null, null, false);
    }

    PageHead noindexed() {
        return new PageHead(title, description, canonical, ogType, image, jsonLd, true);
    }
}
