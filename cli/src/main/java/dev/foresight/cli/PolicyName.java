package dev.foresight.cli;

import dev.foresight.experiments.Policy;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine;

/** A policy as users write it: its enum name in any case ({@code no_protection}) or its label ({@code no-protection}). */
final class PolicyName implements CommandLine.ITypeConverter<Policy> {

    @Override
    public Policy convert(String value) {
        String name = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Policy p : Policy.values()) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new CommandLine.TypeConversionException("unknown policy '" + value + "'; known: "
                + Arrays.stream(Policy.values()).map(Policy::label).collect(Collectors.joining(", ")));
    }
}
