package io.tierline.core.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LanguageDetectorTest {

    private final LanguageDetector detector = LanguageDetector.defaults();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "en | Hello, I was charged twice for my subscription this month and would like a refund, please.",
        "en | The VPN client keeps disconnecting since yesterday's update.",
        "en | Cannot log in",
        "en | My invoice is wrong",
        "de | Guten Tag, ich kann mich seit gestern nicht mehr in mein Konto einloggen. Bitte helfen Sie mir.",
        "de | Die Rechnung für März wurde doppelt abgebucht.",
        "de | Passwort funktioniert nicht",
        "de | Rechnung falsch",
        "fr | Bonjour, je n'arrive plus à me connecter à mon compte depuis la mise à jour. Merci de votre aide.",
        "fr | La facture de ce mois est incorrecte, j'ai été débité deux fois.",
        "fr | Mot de passe oublié",
        "fr | Facture incorrecte",
        "es | Hola, no puedo iniciar sesión en mi cuenta desde ayer. ¿Me pueden ayudar, por favor?",
        "es | La impresora de la oficina no funciona.",
        "es | Contraseña olvidada",
        "es | Me cobraron dos veces",
        "pt | Olá, não consigo acessar minha conta desde ontem. Podem me ajudar, por favor?",
        "pt | A fatura deste mês está incorreta, fui cobrado duas vezes.",
        "pt | Senha bloqueada",
        "pt | Não recebi o pedido",
        "it | Buongiorno, non riesco ad accedere al mio account da ieri. Potete aiutarmi?",
        "it | La fattura di questo mese è sbagliata, mi avete addebitato due volte.",
        "it | Stampante bloccata",
        "it | Fattura sbagliata",
        "nl | Goedemorgen, ik kan sinds gisteren niet meer inloggen op mijn account. Kunnen jullie mij helpen?",
        "nl | De factuur van deze maand is onjuist, er is twee keer afgeschreven.",
        "nl | Wachtwoord vergeten",
        "nl | Printer werkt niet",
    })
    void detectsSupportTicketsInEachLanguage(String expected, String text) {
        DetectedLanguage detected = detector.detect(text);
        assertEquals(expected, detected.code(), () -> text + " → " + detected);
        assertTrue(detected.confidence() >= LanguageDetector.MIN_CONFIDENCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "VPN", "SAP CRM 500", "0x80070005 ERR_42", "Hallo"})
    void saysUndeterminedWhenTheTextGivesTooLittleEvidence(String text) {
        DetectedLanguage detected = detector.detect(text);
        assertEquals(DetectedLanguage.UNDETERMINED, detected.code(), () -> text + " → " + detected);
        assertFalse(detected.isDetermined());
    }

    @Test
    void moreTextMeansMoreConfidence() {
        double one = detector.detect("Rechnung").confidence();
        double sentence = detector.detect("Die Rechnung ist leider falsch, bitte korrigieren Sie sie.").confidence();
        assertTrue(sentence > one, one + " then " + sentence);
    }

    @Test
    void subjectAndDescriptionAreReadTogether() {
        assertEquals("fr", detector.detect("Facture", "je ne trouve pas ma facture").code());
    }

    /** The shared data set is anonymised English: nearly every ticket reads as English, almost none as another. */
    @Test
    void realEnglishTicketsReadAsEnglish() throws IOException {
        Path csv = Path.of(System.getProperty("tierline.project.root", "."))
                .resolve("../shared/datasets/endava-it-tickets.csv");
        Assumptions.assumeTrue(Files.isReadable(csv), "skipped: " + csv.normalize() + " is absent (shared data sets)");
        java.util.List<String> lines;
        try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            lines = reader.lines().skip(1).limit(1000).collect(Collectors.toList());
        }
        long english = lines.stream().filter(line -> detector.detect(line).code().equals("en")).count();
        long other = lines.stream().map(line -> detector.detect(line).code())
                .filter(code -> !code.equals("en") && !code.equals(DetectedLanguage.UNDETERMINED)).count();
        assertTrue(english >= 0.95 * lines.size(), english + " of " + lines.size() + " read as English");
        assertTrue(other <= 0.01 * lines.size(), other + " of " + lines.size() + " read as another language");
    }
}
