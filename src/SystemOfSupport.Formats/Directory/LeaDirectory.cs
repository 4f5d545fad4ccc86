using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Providers;

namespace SystemOfSupport.Formats.LeaDirectories;

/// <summary>An LEA directory: its entries in file order, looked up by CDS code. Immutable.</summary>
public sealed class LeaDirectory
{
    private readonly FrozenDictionary<CdsCode, LeaDirectoryEntry> byCds;

    /// <exception cref="ArgumentException">Two entries share a CDS code.</exception>
    public LeaDirectory(IEnumerable<LeaDirectoryEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Entries = [.. entries];
        var map = new Dictionary<CdsCode, LeaDirectoryEntry>();
        foreach (var entry in Entries)
        {
            if (!map.TryAdd(entry.Cds, entry))
            {
                throw new ArgumentException($"CDS {entry.Cds} is listed twice ({map[entry.Cds].Source.File} line {map[entry.Cds].Source.Line} and line {entry.Source.Line})", nameof(entries));
            }
        }

        byCds = map.ToFrozenDictionary();
    }

    public IReadOnlyList<LeaDirectoryEntry> Entries { get; }

    public int Count => Entries.Count;

    public LeaDirectoryEntry this[CdsCode cds] =>
        byCds.TryGetValue(cds, out var entry) ? entry : throw new KeyNotFoundException($"CDS {cds} is not in the LEA directory");

    /// <summary>Reads a directory file (<see cref="LeaDirectoryReader.Read"/>).</summary>
    public static LeaDirectory Read(string path) => LeaDirectoryReader.Read(path);

    public bool Contains(CdsCode cds) => byCds.ContainsKey(cds);

    public bool TryGet(CdsCode cds, [MaybeNullWhen(false)] out LeaDirectoryEntry entry) => byCds.TryGetValue(cds, out entry);

    /// <summary>The charter schools a district or county office authorized, in file order.</summary>
    public IReadOnlyList<LeaDirectoryEntry> CharterSchoolsAuthorizedBy(CdsCode authorizer) =>
        [.. Entries.Where(e => e.CharterAuthorizer == authorizer)];

    /// <summary>Who provides the LEA's differentiated assistance (RULES.md §3.7), from its kind, county and authorizer.</summary>
    public Provider ProviderFor(CdsCode cds, GeographicLeadAgencyMap map)
    {
        var entry = this[cds];
        return ProviderRules.For(entry.Cds, entry.Kind, entry.CharterAuthorizer, map);
    }
}
