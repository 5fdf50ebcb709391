package de.amtsdesk.app.a11y;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Colour contrast from a style sheet, by WCAG 2.1's relative luminance: text at least 4.5:1 (1.4.3), the focus colour
 * at least 3:1 (1.4.11). A rule that sets both text and background colour (a badge) is checked as that pair; a rule
 * that sets only a text colour is checked against every surface the sheet defines (the looked-up background colours
 * of {@code .root} and every rule that sets only a background or a control's inner background), since such text can
 * sit on any of them.
 */
public final class StylesheetContrast {

    public static final double TEXT = 4.5;
    public static final double NON_TEXT = 3.0;
    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^}]*)}");
    private static final Pattern DECLARATION = Pattern.compile("(-fx-[a-z-]+)\\s*:\\s*(#[0-9a-fA-F]{3,6})\\b");
    /** Looked-up colours in {@code .root} that paint a surface text can sit on. */
    private static final List<String> SURFACE_LOOKUPS = List.of("-fx-base", "-fx-background",
            "-fx-control-inner-background", "-fx-selection-bar", "-fx-selection-bar-non-focused");

    private StylesheetContrast() {
    }

    public static List<String> problems(URL stylesheet) {
        String css = read(stylesheet).replaceAll("(?s)/\\*.*?\\*/", "");
        Map<String, String> surfaces = new LinkedHashMap<>();
        List<String[]> texts = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String focus = null;
        Matcher rule = RULE.matcher(css);
        while (rule.find()) {
            String selector = rule.group(1).strip();
            Map<String, String> colours = new LinkedHashMap<>();
            Matcher declaration = DECLARATION.matcher(rule.group(2));
            while (declaration.find()) {
                colours.put(declaration.group(1), declaration.group(2));
            }
            if (selector.equals(".root")) {
                SURFACE_LOOKUPS.stream().filter(colours::containsKey)
                        .forEach(key -> surfaces.put(".root " + key, colours.get(key)));
                focus = colours.getOrDefault("-fx-focus-color", focus);
                continue;
            }
            // -fx-fill colours Text nodes (search hits), -fx-text-fill labels and cells: both are text.
            String text = colours.getOrDefault("-fx-text-fill", colours.get("-fx-fill"));
            // A control's own inner background (the amber internal notes) is a surface like a rule's background.
            String background = colours.getOrDefault("-fx-background-color",
                    colours.get("-fx-control-inner-background"));
            if (text != null && background != null) {
                check(problems, selector, text, selector, background, TEXT);
            } else if (text != null) {
                texts.add(new String[] {selector, text});
            } else if (background != null) {
                surfaces.put(selector, background);
            }
        }
        if (surfaces.isEmpty()) {
            problems.add(stylesheet + ": no surfaces found, nothing to check text against");
        }
        for (String[] text : texts) {
            surfaces.forEach((where, colour) -> check(problems, text[0], text[1], where, colour, TEXT));
        }
        if (focus == null) {
            problems.add(stylesheet + ": .root sets no -fx-focus-color");
        } else {
            String focusColour = focus;
            surfaces.forEach((where, colour) -> check(problems, "focus indicator", focusColour, where, colour,
                    NON_TEXT));
        }
        return problems;
    }

    private static void check(List<String> problems, String what, String fg, String where, String bg, double min) {
        double ratio = ratio(fg, bg);
        if (ratio < min) {
            problems.add(String.format(java.util.Locale.ROOT, "%s %s on %s %s: %.2f:1, needs %.1f:1", what, fg, where,
                    bg, ratio, min));
        }
    }

    public static double ratio(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** WCAG 2.1 relative luminance of #rgb or #rrggbb. */
    public static double luminance(String hex) {
        String h = hex.substring(1);
        if (h.length() == 3) {
            h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
        }
        double r = channel(Integer.parseInt(h.substring(0, 2), 16));
        double g = channel(Integer.parseInt(h.substring(2, 4), 16));
        double b = channel(Integer.parseInt(h.substring(4, 6), 16));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static String read(URL url) {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
