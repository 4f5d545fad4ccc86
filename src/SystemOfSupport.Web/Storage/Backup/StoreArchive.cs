using System.Collections;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Web.Storage.Backup;

/// <summary>One table of a store: its rows, and the SHA-256 of its rows in canonical form (JSON lines in key order).</summary>
public sealed record TableDigest(string Table, int Rows, string Sha256);

/// <summary>What a backup holds: the migrations its schema is at, where it came from, and each table's digest.</summary>
public sealed record BackupManifest(string Format, IReadOnlyList<string> Migrations, string Provider, DateTime CreatedUtc, IReadOnlyList<TableDigest> Tables)
{
    public const string CurrentFormat = "sos-backup/1";
}

/// <summary>
/// A portable copy of the whole store (<c>sos backup</c> / <c>sos restore</c>): a zip with <c>manifest.json</c> and one
/// <c>tables/NAME.jsonl</c> per table of the EF model — every entity type, so tables features add are included without
/// a change here. Values are JSON (times in UTC), so a SQLite backup restores into PostgreSQL and back. A restore checks
/// the whole archive first, then writes every table in one transaction: it lands whole or not at all.
/// </summary>
public static class StoreArchive
{
    private const string ManifestEntry = "manifest.json";
    private static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Each table's digest, in dependency order (a row's principal tables first).</summary>
    public static IReadOnlyList<TableDigest> Digests(SosDb db, CancellationToken cancellationToken) =>
        [.. Tables(db).Select(table => Digest(table.Name, ReadLines(db, table, cancellationToken)))];

    public static async Task<BackupManifest> WriteAsync(SosDb db, Stream output, CancellationToken cancellationToken)
    {
        var tables = new List<TableDigest>();
        // One snapshot of every table, whatever the server writes meanwhile.
        await using var snapshot = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var table in Tables(db))
            {
                var lines = ReadLines(db, table, cancellationToken);
                var bytes = Utf8(lines);
                await using (var entry = await zip.CreateEntry(EntryName(table.Name), CompressionLevel.Optimal).OpenAsync(cancellationToken))
                {
                    await entry.WriteAsync(bytes, cancellationToken);
                }

                tables.Add(Digest(table.Name, lines));
            }

            var manifest = new BackupManifest(BackupManifest.CurrentFormat, [.. db.Database.GetMigrations()], db.Database.ProviderName ?? "?", DateTime.UtcNow, tables);
            await using var stream = await zip.CreateEntry(ManifestEntry).OpenAsync(cancellationToken);
            await JsonSerializer.SerializeAsync(stream, manifest, ManifestJson, cancellationToken);
            return manifest;
        }
    }

    /// <summary>
    /// Restores <paramref name="archive"/> (named <paramref name="file"/> in errors) into a migrated store: refused when the
    /// archive is damaged or from another set of migrations, or when the store holds rows and <paramref name="replace"/> is false.
    /// </summary>
    public static async Task<BackupManifest> RestoreAsync(SosDb db, Stream archive, string file, bool replace, CancellationToken cancellationToken)
    {
        var (manifest, contents) = Open(archive, file);
        var migrations = db.Database.GetMigrations().ToList();
        if (!manifest.Migrations.SequenceEqual(migrations))
        {
            throw new InputFileException(file, null, null,
                $"the backup's schema is at migrations [{string.Join(", ", manifest.Migrations)}]; this sos is at [{string.Join(", ", migrations)}]: restore it with the sos version that made it");
        }

        var tables = Tables(db);
        var unknown = manifest.Tables.Select(t => t.Table).Except(tables.Select(t => t.Name)).ToList();
        if (unknown.Count > 0 || manifest.Tables.Count != tables.Count)
        {
            throw new InputFileException(file, null, null, $"the backup's tables do not match this store's ({string.Join(", ", unknown.DefaultIfEmpty("a table is missing"))})");
        }

        var existing = Digests(db, cancellationToken).Where(t => t.Rows > 0).ToList();
        if (existing.Count > 0 && !replace)
        {
            throw new InvalidOperationException(
                $"the store is not empty ({string.Join(", ", existing.Select(t => $"{t.Table}: {t.Rows:N0} rows"))}); restore with --force to replace everything in it");
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var table in Enumerable.Reverse(tables))
            {
                // Table and column names come from the EF model, never from the archive.
                var delete = $"DELETE FROM {table.Quoted}";
                await db.Database.ExecuteSqlRawAsync(delete, cancellationToken);
            }

            foreach (var table in tables)
            {
                Insert(db, table, contents[table.Name]);
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                if (db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL")
                {
                    await ResetSequencesAsync(db, table, cancellationToken);
                }
            }

            await transaction.CommitAsync(cancellationToken);
        });
        return manifest;
    }

    /// <summary>A table of the model: its entity type, name, and columns by property.</summary>
    private sealed record Table(IEntityType Entity, string Name, string Quoted);

    /// <summary>Every table, principals before their dependents.</summary>
    private static List<Table> Tables(SosDb db)
    {
        var entities = db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned() && e.BaseType is null).ToList();
        foreach (var shared in entities.Where(e => e.HasSharedClrType))
        {
            throw new NotSupportedException($"backup: entity type {shared.Name} has a shared CLR type; give it a class of its own");
        }

        var ordered = new List<IEntityType>();
        var visiting = new HashSet<IEntityType>();
        void Visit(IEntityType entity)
        {
            if (ordered.Contains(entity) || !visiting.Add(entity))
            {
                return;
            }

            foreach (var principal in entity.GetForeignKeys().Select(f => f.PrincipalEntityType.GetRootType()).Where(p => p != entity))
            {
                Visit(principal);
            }

            ordered.Add(entity);
        }

        foreach (var entity in entities.OrderBy(e => e.GetTableName(), StringComparer.Ordinal))
        {
            Visit(entity);
        }

        return [.. ordered.Select(e => new Table(e, e.GetTableName()!, Quote(e.GetSchema(), e.GetTableName()!)))];
    }

    private static string Quote(string? schema, string name) => (schema is null ? string.Empty : $"\"{schema}\".") + $"\"{name}\"";

    private static string EntryName(string table) => $"tables/{table}.jsonl";

    /// <summary>Every row as one JSON line (property name → value, times in UTC), sorted by primary key.</summary>
    private static List<string> ReadLines(SosDb db, Table table, CancellationToken cancellationToken)
    {
        var properties = table.Entity.GetProperties().ToList();
        var key = table.Entity.FindPrimaryKey()?.Properties ?? properties;
        var rows = new List<(string Key, string Line)>();
        var set = (IEnumerable)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(table.Entity.ClrType).Invoke(db, null)!;
        foreach (var entity in set)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var entry = db.Entry(entity);
            rows.Add((Json(key, p => entry.Property(p.Name).CurrentValue), Json(properties, p => entry.Property(p.Name).CurrentValue)));
        }

        db.ChangeTracker.Clear();
        return [.. rows.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Line)];
    }

    private static string Json(IEnumerable<IProperty> properties, Func<IProperty, object?> value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in properties)
            {
                writer.WritePropertyName(property.Name);
                JsonSerializer.Serialize(writer, Portable(value(property)), property.ClrType);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// Times as both databases keep them: SQLite gives them back without a kind (the store keeps UTC) and to the 100 ns
    /// tick, PostgreSQL to the microsecond; so they are written in UTC, to the microsecond.
    /// </summary>
    private static object? Portable(object? value) => value switch
    {
        DateTime { Kind: DateTimeKind.Unspecified } time => Microseconds(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
        DateTime time => Microseconds(time.ToUniversalTime()),
        DateTimeOffset offset => new DateTimeOffset(Microseconds(offset.UtcDateTime)),
        _ => value,
    };

    private static DateTime Microseconds(DateTime utc) => new(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);

    private static void Insert(SosDb db, Table table, IReadOnlyList<string> lines)
    {
        var properties = table.Entity.GetProperties().ToList();
        foreach (var line in lines)
        {
            using var row = JsonDocument.Parse(line);
            var entity = Activator.CreateInstance(table.Entity.ClrType, nonPublic: true)
                ?? throw new InvalidOperationException($"backup: cannot create a {table.Entity.ClrType.Name}");
            var entry = db.Entry(entity);
            foreach (var property in properties)
            {
                entry.Property(property.Name).CurrentValue = row.RootElement.GetProperty(property.Name).Deserialize(property.ClrType);
            }

            entry.State = EntityState.Added;
        }
    }

    /// <summary>PostgreSQL identity columns keep their own counter: after rows with explicit keys it must move past them.</summary>
    private static async Task ResetSequencesAsync(SosDb db, Table table, CancellationToken cancellationToken)
    {
        var store = StoreObjectIdentifier.Table(table.Name, table.Entity.GetSchema());
        foreach (var property in table.Entity.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.OnAdd && p.ClrType is var t && (t == typeof(int) || t == typeof(long))))
        {
            var column = property.GetColumnName(store)!;
            var reset = $"SELECT setval(pg_get_serial_sequence('{table.Quoted}', '{column}'), COALESCE(MAX(\"{column}\"), 0) + 1, false) FROM {table.Quoted}";
            await db.Database.ExecuteSqlRawAsync(reset, cancellationToken);
        }
    }

    private static byte[] Utf8(IReadOnlyList<string> lines) => Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n")));

    private static TableDigest Digest(string table, IReadOnlyList<string> lines) =>
        new(table, lines.Count, Convert.ToHexStringLower(SHA256.HashData(Utf8(lines))));

    /// <summary>The manifest and every table's lines, each checked against the manifest's row count and digest.</summary>
    private static (BackupManifest Manifest, Dictionary<string, IReadOnlyList<string>> Tables) Open(Stream archive, string file)
    {
        try
        {
            using var zip = new ZipArchive(archive, ZipArchiveMode.Read, leaveOpen: true);
            var manifestEntry = zip.GetEntry(ManifestEntry) ?? throw new InputFileException(file, null, null, $"not an sos backup: no {ManifestEntry}");
            BackupManifest manifest;
            using (var stream = manifestEntry.Open())
            {
                manifest = JsonSerializer.Deserialize<BackupManifest>(stream, ManifestJson) ?? throw new InputFileException(file, null, null, "the manifest is empty");
            }

            if (manifest.Format != BackupManifest.CurrentFormat || manifest.Tables is null || manifest.Migrations is null)
            {
                throw new InputFileException(file, null, null, $"not an sos backup of format {BackupManifest.CurrentFormat} (found '{manifest.Format}')");
            }

            var tables = new Dictionary<string, IReadOnlyList<string>>();
            foreach (var table in manifest.Tables)
            {
                var entry = zip.GetEntry(EntryName(table.Table)) ?? throw new InputFileException(file, null, null, $"the backup lists table {table.Table} but holds no {EntryName(table.Table)}");
                using var reader = new StreamReader(entry.Open(), new UTF8Encoding(false, throwOnInvalidBytes: true));
                var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
                var digest = Digest(table.Table, lines);
                if (digest != table)
                {
                    throw new InputFileException(file, null, null,
                        $"{EntryName(table.Table)} does not match the manifest ({digest.Rows:N0} rows, SHA-256 {digest.Sha256}; the manifest says {table.Rows:N0} rows, {table.Sha256}): the backup is damaged");
                }

                tables[table.Table] = lines;
            }

            return (manifest, tables);
        }
        catch (Exception ex) when (ex is InvalidDataException or JsonException or DecoderFallbackException or IOException)
        {
            throw new InputFileException(file, "not a readable sos backup: " + ex.Message, ex);
        }
    }
}
