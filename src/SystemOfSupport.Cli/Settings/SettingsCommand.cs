using System.CommandLine;
using Spectre.Console;
using SystemOfSupport.Core.Determinations;

namespace SystemOfSupport.Cli.Settings;

/// <summary><c>sos settings</c>: the assumed rules a run can change with <c>--set key=value</c>.</summary>
public static class SettingsCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var command = new Command("settings", "List the assumptions (RULES.md [assumed]) that determine runs use, with their defaults and allowed values.");
        command.SetAction(_ =>
        {
            var table = new Table().AddColumns("Setting", "Default", "Allowed", "Meaning", "Rule");
            foreach (var d in DeterminationSettings.Definitions)
            {
                table.AddRow(Markup.Escape(d.Key), Markup.Escape(d.Default), Markup.Escape(string.Join(" | ", d.Allowed)), Markup.Escape(d.Description), Markup.Escape(d.Rule));
            }

            console.Write(table);
            return 0;
        });
        return command;
    }

    /// <summary>Applies <c>key=value</c> pairs to the defaults.</summary>
    public static DeterminationSettings Parse(IEnumerable<string> pairs)
    {
        var settings = DeterminationSettings.Defaults;
        foreach (var pair in pairs)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new ArgumentException($"--set expects key=value, got '{pair}' (see `sos settings`)");
            }

            settings = settings.With(pair[..eq].Trim(), pair[(eq + 1)..].Trim());
        }

        return settings;
    }
}
