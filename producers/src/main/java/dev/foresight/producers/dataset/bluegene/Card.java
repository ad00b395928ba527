package dev.foresight.producers.dataset.bluegene;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Blue Gene/L card that events are about: a node card ({@code R11-M0-NB}: rack R11, midplane M0, node
 * card B) or a link card ({@code R63-M0-L2}). A location such as {@code R11-M0-NB-C:J07-U11} names a chip
 * of a compute (C) or I/O (I) card plugged into node card {@code R11-M0-NB}: both kinds sit on the same
 * node card, which is the unit that is replaced, so both count for it.
 *
 * @param id        {@code R11-M0-NB} or {@code R63-M0-L2}, hex digits in upper case
 * @param midplane  {@code R11-M0}: 16 node cards share it, and failures come in bursts across them
 * @param nodeIndex for node cards, a stable index 0..2047: ((rack row * 8 + rack column) * 2 + midplane)
 *                  * 16 + node card; the index a failure trace names (link cards have none)
 */
public record Card(String id, String midplane, OptionalInt nodeIndex) {

    /** The midplane of a card id, as a regular expression whose first group is it (for splits by midplane). */
    public static final String MIDPLANE_PATTERN = "^(R[0-7][0-7]-M[01])-";

    private static final Pattern NODE_CARD = Pattern.compile("R([0-7])([0-7])-M([01])-N([0-9A-Fa-f])(?:-[A-Z].*)?");
    private static final Pattern LINK_CARD = Pattern.compile("R([0-7])([0-7])-M([01])-L([0-3])(?:-.*)?");
    private static final Pattern NAMED_NODE_CARD = Pattern.compile("\\bR([0-7])([0-7])-M([01])-N([0-9A-F])\\b");

    /** Node cards on the machine: 64 racks, 2 midplanes, 16 node cards. */
    public static final int NODE_CARDS = 2048;

    /**
     * The card of a location field; empty for {@code NULL} or an empty location (events of the control
     * system). A location of any other shape is an {@link IllegalArgumentException}.
     */
    public static Optional<Card> ofLocation(String location) {
        String text = location.strip();
        if (text.isEmpty() || text.equals("NULL")) {
            return Optional.empty();
        }
        String card = text.contains(":") ? text.substring(0, text.indexOf(':')) : text;
        Matcher node = NODE_CARD.matcher(card);
        if (node.matches()) {
            return Optional.of(nodeCard(node));
        }
        Matcher link = LINK_CARD.matcher(card);
        if (link.matches()) {
            String midplane = "R" + link.group(1) + link.group(2) + "-M" + link.group(3);
            return Optional.of(new Card(midplane + "-L" + link.group(4), midplane, OptionalInt.empty()));
        }
        throw new IllegalArgumentException("'" + location + "' is not a card location (R<rack>-M<midplane>-N<card>... or -L<card>...)");
    }

    /** A node card named in a message, e.g. {@code Power deactivated: R05-M0-N4}. */
    public static Optional<Card> namedIn(String message) {
        Matcher m = NAMED_NODE_CARD.matcher(message);
        return m.find() ? Optional.of(nodeCard(m)) : Optional.empty();
    }

    private static Card nodeCard(Matcher m) {
        int rack = Integer.parseInt(m.group(1)) * 8 + Integer.parseInt(m.group(2));
        int midplane = Integer.parseInt(m.group(3));
        int card = Integer.parseInt(m.group(4), 16);
        String mid = "R" + m.group(1) + m.group(2) + "-M" + m.group(3);
        return new Card(mid + "-N" + m.group(4).toUpperCase(Locale.ROOT), mid, OptionalInt.of((rack * 2 + midplane) * 16 + card));
    }
}
