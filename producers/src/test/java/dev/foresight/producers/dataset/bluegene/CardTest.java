package dev.foresight.producers.dataset.bluegene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CardTest {

    @Test
    void computeAndIoChipsOfOneNodeCardAreTheSameCard() {
        Card compute = Card.ofLocation("R11-M0-NB-C:J07-U11").orElseThrow();
        Card io = Card.ofLocation("R11-M0-NB-I:J18-U01").orElseThrow();
        Card bare = Card.ofLocation("R11-M0-NB").orElseThrow();

        assertThat(compute).isEqualTo(io).isEqualTo(bare);
        assertThat(compute.id()).isEqualTo("R11-M0-NB");
        assertThat(compute.midplane()).isEqualTo("R11-M0");
        // rack R11 = row 1, column 1 = rack 9; midplane 0; card B = 11: (9 * 2 + 0) * 16 + 11
        assertThat(compute.nodeIndex()).hasValue(299);
    }

    @Test
    void nodeIndicesCoverTheMachineOnceEach() {
        Set<Integer> seen = new HashSet<>();
        for (int row = 0; row < 8; row++) {
            for (int column = 0; column < 8; column++) {
                for (int midplane = 0; midplane < 2; midplane++) {
                    for (int card = 0; card < 16; card++) {
                        String id = String.format("R%d%d-M%d-N%X", row, column, midplane, card);
                        seen.add(Card.ofLocation(id + "-C:J02-U01").orElseThrow().nodeIndex().getAsInt());
                    }
                }
            }
        }
        assertThat(seen).hasSize(Card.NODE_CARDS).allSatisfy(i -> assertThat(i).isBetween(0, Card.NODE_CARDS - 1));
    }

    @Test
    void aLinkCardIsACardWithoutNodeIndex() {
        Card link = Card.ofLocation("R63-M0-L2-U21-A").orElseThrow();

        assertThat(link.id()).isEqualTo("R63-M0-L2");
        assertThat(link.midplane()).isEqualTo("R63-M0");
        assertThat(link.nodeIndex()).isEqualTo(OptionalInt.empty());
    }

    @Test
    void aLowerCaseHexDigitIsTheSameCard() {
        assertThat(Card.ofLocation("R55-M0-Nd-C:J08-U01").orElseThrow().id()).isEqualTo("R55-M0-ND");
    }

    @Test
    void nullOrNoLocationIsNoCardButAMessageMayNameOne() {
        assertThat(Card.ofLocation("NULL")).isEmpty();
        assertThat(Card.ofLocation("")).isEmpty();
        assertThat(Card.namedIn("Power deactivated: R05-M0-N4")).map(Card::id).contains("R05-M0-N4");
        assertThat(Card.namedIn("mmcs_server exited abnormally due to signal: Aborted")).isEmpty();
    }

    @Test
    void anythingElseIsNotALocation() {
        assertThatThrownBy(() -> Card.ofLocation("R88-M0-N1")).hasMessageContaining("'R88-M0-N1' is not a card location");
        assertThatThrownBy(() -> Card.ofLocation("R11-M2-N1")).hasMessageContaining("not a card location");
        assertThatThrownBy(() -> Card.ofLocation("node-12")).hasMessageContaining("not a card location");
    }
}
