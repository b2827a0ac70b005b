package io.tierline.core.routing;

import io.tierline.core.ticket.Codes;

/** A ticket field that names what a ticket needs. */
public enum SkillSource {
    /** the category is a skill */
    CATEGORY,
    /** each tag that is someone's skill */
    TAGS,
    /** the person must speak the ticket's language */
    LANGUAGE,
    /** a tag {@code product-<name>} (the ticket's product area, {@link io.tierline.core.ticket.Ticket#productAreas}) needs the skill {@code <name>} */
    PRODUCT;

    public String code() {
        return Codes.of(this);
    }
}
