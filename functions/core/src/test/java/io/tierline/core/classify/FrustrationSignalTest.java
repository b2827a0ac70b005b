package io.tierline.core.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierline.core.classify.FrustrationReason.Kind;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrustrationSignalTest {

    private final FrustrationSignal signal = FrustrationSignal.defaults();

    private Frustration score(String subject, String description) {
        return signal.score(subject, description, ContactHistory.NONE);
    }

    private static List<Kind> kinds(Frustration frustration) {
        return frustration.reasons().stream().map(FrustrationReason::kind).collect(Collectors.toList());
    }

    @Test
    void aCalmTicketScoresZeroWithoutReasons() {
        Frustration calm = score("Printer jammed", "The printer on floor 3 jams on every second page. Thanks, Bob");
        assertEquals(0.0, calm.score());
        assertTrue(calm.reasons().isEmpty());
    }

    @Test
    void angryAndRepeatedWordingRaiseTheScoreWithReasons() {
        Frustration frustration = score("Still not fixed", "This is the third time I report this. Unacceptable.");
        assertEquals(List.of(Kind.WORDING, Kind.REPEATED_ISSUE, Kind.REPEATED_ISSUE), kinds(frustration));
        // noisy OR of 0.35, 0.35 and 0.3
        assertEquals(1 - 0.65 * 0.65 * 0.7, frustration.score(), 1e-9);
        assertTrue(frustration.reasons().get(0).evidence().contains("unacceptable"));
    }

    @Test
    void wordingMatchesWholeWordsOnly() {
        assertEquals(0.0, score("Crapper", "the hellish damnation of shitake mushrooms").score());
        assertEquals(List.of(Kind.REPEATED_ISSUE), kinds(score("", "It still doesn't work")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Das ist inakzeptabel, es funktioniert immer noch nicht.",
        "C'est inacceptable, toujours pas de réponse.",
        "Es inaceptable, sigue sin funcionar.",
        "É inaceitável, ainda não funciona.",
        "È inaccettabile, per la terza volta.",
        "Dit is onacceptabel, het werkt nog steeds niet."})
    void readsFrustrationInEachSupportedLanguage(String text) {
        Frustration frustration = score("", text);
        assertTrue(frustration.score() >= 0.5, text + " → " + frustration);
    }

    @Test
    void shoutingCountsMostlyCapitalisedWordsButNotAcronyms() {
        assertEquals(List.of(Kind.SHOUTING), kinds(score("NOTHING WORKS", "FIX THIS RIGHT NOW")));
        assertEquals(List.of(), kinds(score("SAP CRM VPN access", "The HR and IT tools fail on login")));
    }

    @Test
    void repeatedExclamationOrQuestionMarksAreASign() {
        Frustration once = score("Where is my order??", "");
        Frustration loud = score("Where is my order???", "Answer me!!");
        assertEquals(List.of(Kind.PUNCTUATION), kinds(once));
        assertTrue(loud.score() > once.score());
        assertEquals(0.0, score("Where is my order?", "Thanks!").score());
    }

    @Test
    void repeatedContactsAndPriorEscalationsCount() {
        String text = "Order 4711 has not arrived";
        assertEquals(0.0, signal.score("", text, new ContactHistory(1, 7, 0)).score());
        Frustration twice = signal.score("", text, new ContactHistory(2, 7, 0));
        Frustration often = signal.score("", text, new ContactHistory(6, 7, 0));
        Frustration escalated = signal.score("", text, new ContactHistory(6, 7, 2));
        assertEquals(List.of(Kind.REPEATED_CONTACTS), kinds(twice));
        assertTrue(twice.score() < often.score() && often.score() < escalated.score());
        assertEquals(List.of(Kind.REPEATED_CONTACTS, Kind.PRIOR_ESCALATIONS), kinds(escalated));
        assertTrue(escalated.reasons().get(0).evidence().contains("6 earlier contacts in 7 days"));
    }

    @Test
    void everythingTogetherStaysBelowOne() {
        Frustration furious = signal.score("STILL NOT FIXED!!! UNACCEPTABLE!!!",
                "THIRD TIME!!! This is ridiculous, useless, a waste of time. wtf. I want a lawyer???",
                new ContactHistory(20, 7, 9));
        assertTrue(furious.score() > 0.95 && furious.score() <= 1.0, furious::toString);
    }

    @Test
    void isAPureFunction() {
        ContactHistory history = new ContactHistory(3, 14, 1);
        assertEquals(signal.score("Still broken!!", "third time", history),
                signal.score("Still broken!!", "third time", history));
    }
}
