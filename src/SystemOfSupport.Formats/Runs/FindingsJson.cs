using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Runtime.CompilerServices;
using SystemOfSupport.Core;
using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Formats.Runs;

/// <summary>The findings file: every LEA's decision with the indicator rows behind it, and the assumptions used.</summary>
public static class FindingsJson
{
    public static string FileName(int year) => $"findings{year % 100:00}.json";

    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>
    /// <see cref="Options"/> with the criteria and their evidence rows (most of a statewide file's 80 MB) written by
    /// hand: the same bytes, without the reflection-based serializer's per-property work. Writing only.
    /// </summary>
    private static JsonSerializerOptions WriteOptions { get; } = new(Options) { Converters = { new GroupWriter(), new FindingWriter() } };

    /// <summary>Assumptions that hold for every run of this version, beside the changeable settings.</summary>
    public static IReadOnlyList<string> FixedAssumptions(DeterminationRun run) => FixedAssumptions(run.Year, run.Rules.HasMethod4 && !run.Method4Evaluated);

    private static IReadOnlyList<string> FixedAssumptions(int year, bool method4NotEvaluated) =>
    [
        .. method4NotEvaluated ? new[] { "Method 4 (CALPADS certification) was not evaluated: no certification records were given, so MetMethod4 is N for every LEA (RULES.md §6)." } : [],
        $"EC52072_{year} (Level 3) is decided from the letters of the last four Dashboard years; a year whose letters were not given (--history) can leave it blank (*) (RULES.md §4).",
        "Colors are taken as published (including rows the state set by hand, dataerrorflag = Y); they are never recomputed.",
        .. year == 2025 ? new[] { "2025 criteria other than the LTEL change are assumed the same as 2024's (RULES.md §3.1, §10)." } : [],
    ];

    public static void Write(DeterminationRun run, Stream stream)
    {
        var document = new FindingsDocument(
            run.Year,
            run.Projected,
            run.Projected ? "sos project (PROJECTED from the LEA's own data, not the state's decision)" : "sos determine",
            run.Rules.Source,
            run.Dashboard.Files.Select(f => new InputFile(Path.GetFileName(f.Path), f.Indicator.ToString(), f.Bytes, f.RowsRead, f.RowsKept)).ToList(),
            run.Dashboard.IgnoredFiles,
            run.Local.FilesRead.Select(Path.GetFileName).OfType<string>().ToList(),
            run.Settings.Applied(),
            FixedAssumptions(run),
            run.Warnings,
            RunSummary.Of(run),
            run.Determinations,
            run.Charters);

        // The document's properties as the serializer would write them (its own names, order and null handling), with
        // the two long lists — nearly all of a statewide file's 80 MB — serialized in chunks on several threads.
        var info = WriteOptions.GetTypeInfo(typeof(FindingsDocument));
        using var writer = new Utf8JsonWriter(stream, WriterOptions);
        using var chunks = new ChunkBuffers();
        writer.WriteStartObject();
        foreach (var property in info.Properties)
        {
            var value = property.Get!(document);
            if (value is null || property.ShouldSerialize?.Invoke(document, value) == false)
            {
                continue;
            }

            writer.WritePropertyName(property.Name);
            switch (value)
            {
                case IReadOnlyList<Determination> leas:
                    WriteSideBySide(writer, leas, chunks);
                    break;
                case IReadOnlyList<CharterDetermination> charters:
                    WriteSideBySide(writer, charters, chunks);
                    break;
                default:
                    JsonSerializer.Serialize(writer, value, property.PropertyType, WriteOptions);
                    break;
            }
        }

        writer.WriteEndObject();
        writer.Flush();
    }

    /// <summary>Items per chunk, and chunks in flight at once: 128 LEAs, a few MB of buffers.</summary>
    public const int ChunkSize = 8, ChunksAtOnce = 16;

    /// <summary>One window's buffers (a statewide chunk is ~0.5 MB), shared by both lists of a file: rented, and given back at the end.</summary>
    private sealed class ChunkBuffers : IDisposable
    {
        public PooledBufferWriter[] Buffers { get; } = new PooledBufferWriter[ChunksAtOnce];

        public List<int>[] Ends { get; } = new List<int>[ChunksAtOnce];

        public void Dispose()
        {
            foreach (var buffer in Buffers)
            {
                buffer?.Dispose();
            }
        }
    }

    private static JsonWriterOptions WriterOptions => new() { Encoder = WriteOptions.Encoder, Indented = WriteOptions.WriteIndented, MaxDepth = WriteOptions.MaxDepth };

    /// <summary>
    /// A JSON array of <paramref name="items"/>, the same bytes as the serializer writes. Chunks are serialized on the
    /// thread pool into their own buffers, at most <see cref="ChunksAtOnce"/> ahead of the one being written, and
    /// copied out in order as each is done: the cores keep serializing while the file is written, and memory stays at
    /// a window's worth of chunks, not the whole array.
    /// </summary>
    private static void WriteSideBySide<T>(Utf8JsonWriter writer, IReadOnlyList<T> items, ChunkBuffers reused)
    {
        var count = (items.Count + ChunkSize - 1) / ChunkSize;
        var (buffers, ends) = (reused.Buffers, reused.Ends);
        // Chunk c uses slot c % ChunksAtOnce: chunk c + ChunksAtOnce starts only once chunk c is written.
        var serializing = new Task?[ChunksAtOnce];
        Task Start(int chunk) => Task.Run(() => Serialize(items, chunk, buffers[chunk % ChunksAtOnce] ??= new PooledBufferWriter(1 << 20), ends[chunk % ChunksAtOnce] ??= []));
        try
        {
            for (var c = 0; c < Math.Min(ChunksAtOnce, count); c++)
            {
                serializing[c] = Start(c);
            }

            writer.WriteStartArray();
            for (var c = 0; c < count; c++)
            {
                var slot = c % ChunksAtOnce;
                // The chunk's own exception, as a loop would throw it (the first failing chunk in order).
                serializing[slot]!.GetAwaiter().GetResult();
                var written = buffers[slot].WrittenSpan;
                var from = 0;
                foreach (var end in ends[slot])
                {
                    writer.WriteRawValue(written[from..end], skipInputValidation: true);
                    from = end;
                }

                // A chunk at a time: the writer's own buffer stays the size of one chunk.
                writer.Flush();
                serializing[slot] = c + ChunksAtOnce < count ? Start(c + ChunksAtOnce) : null;
            }

            writer.WriteEndArray();
        }
        finally
        {
            // After a failure, chunks still in flight write into the rented buffers: they finish before those go back.
            foreach (var task in serializing)
            {
                if (task is not null)
                {
                    ((IAsyncResult)task).AsyncWaitHandle.WaitOne();
                }
            }
        }
    }

    private static void Serialize<T>(IReadOnlyList<T> items, int chunk, PooledBufferWriter buffer, List<int> offsets)
    {
        buffer.ResetWrittenCount();
        offsets.Clear();
        // The hand-written converters' structure is fixed (and the golden file holds it): the writer need not check
        // every token's place.
        using var chunkWriter = new Utf8JsonWriter(buffer, WriterOptions with { SkipValidation = true });
        var start = chunk * ChunkSize;
        for (var i = start; i < Math.Min(start + ChunkSize, items.Count); i++)
        {
            JsonSerializer.Serialize(chunkWriter, items[i], WriteOptions);
            chunkWriter.Flush();
            chunkWriter.Reset();
            offsets.Add(buffer.WrittenCount);
        }
    }

    public static FindingsDocument Read(Stream stream) =>
        JsonSerializer.Deserialize<FindingsDocument>(stream, Options) ?? throw new JsonException("empty findings file");

    private static JsonSerializerOptions CreateOptions()
    {
        // Compact: a statewide run has ~1,000 LEAs × 14 groups × their indicator rows.
        var options = new JsonSerializerOptions
        {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitRepeatedEvidenceFields } },
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(new CdsCodeConverter());
        return options;
    }

    /// <summary>An evidence row's CDS code is its LEA's, and HasColor follows from Color: neither is written.</summary>
    private static void OmitRepeatedEvidenceFields(JsonTypeInfo info)
    {
        if (info.Type != typeof(IndicatorResult))
        {
            return;
        }

        foreach (var property in info.Properties)
        {
            if (property.Name is "cds" or "hasColor")
            {
                property.ShouldSerialize = static (_, _) => false;
            }
        }
    }

    /// <summary>Property names both hand-written converters write: a group's and a row's "group", a priority's and a criterion's "met".</summary>
    private static readonly JsonEncodedText Group = JsonEncodedText.Encode("group");
    private static readonly JsonEncodedText Met = JsonEncodedText.Encode("met");

    /// <summary>
    /// A <see cref="GroupFinding"/> with its <see cref="PriorityFinding"/>s exactly as <see cref="Options"/> writes them
    /// (properties in declaration order, camelCase, a null letter left out, enums by name), the criteria by
    /// <see cref="FindingWriter"/>: the generic serializer's per-property and per-list work was half the file's time.
    /// </summary>
    private sealed class GroupWriter : JsonConverter<GroupFinding>
    {
        private static readonly JsonEncodedText Letter = JsonEncodedText.Encode("letter");
        private static readonly JsonEncodedText Priorities = JsonEncodedText.Encode("priorities");
        private static readonly JsonEncodedText Priority = JsonEncodedText.Encode("priority");
        private static readonly JsonEncodedText Criteria = JsonEncodedText.Encode("criteria");
        private static readonly JsonEncodedText MetPriorities = JsonEncodedText.Encode("metPriorities");
        private static readonly JsonEncodedText HasResults = JsonEncodedText.Encode("hasResults");

        public override GroupFinding Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("findings are read with FindingsJson.Options");

        public override void Write(Utf8JsonWriter writer, GroupFinding value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteString(Group, EnumNames<StudentGroup>.Of(value.Group));
            if (value.Letter is { } letter)
            {
                writer.WriteString(Letter, letter);
            }

            writer.WriteStartArray(Priorities);
            for (var p = 0; p < value.Priorities.Count; p++)
            {
                var priority = value.Priorities[p];
                writer.WriteStartObject();
                writer.WriteString(Priority, EnumNames<PriorityArea>.Of(priority.Priority));
                writer.WriteBoolean(Met, priority.Met);
                writer.WriteStartArray(Criteria);
                for (var c = 0; c < priority.Criteria.Count; c++)
                {
                    FindingWriter.WriteFinding(writer, priority.Criteria[c]);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray(MetPriorities);
            for (var m = 0; m < value.MetPriorities.Count; m++)
            {
                writer.WriteStringValue(EnumNames<PriorityArea>.Of(value.MetPriorities[m]));
            }

            writer.WriteEndArray();
            writer.WriteBoolean(HasResults, value.HasResults);
            writer.WriteEndObject();
        }
    }

    /// <summary>Each value's name as <see cref="JsonStringEnumConverter"/> writes it, encoded once.</summary>
    private static class EnumNames<T> where T : struct, Enum
    {
        private static readonly JsonEncodedText[] Names = Create();

        public static JsonEncodedText Of(T value)
        {
            var i = Unsafe.As<T, int>(ref value);
            return (uint)i < (uint)Names.Length && Names[i].EncodedUtf8Bytes.Length > 0 ? Names[i] : JsonEncodedText.Encode(value.ToString());
        }

        private static JsonEncodedText[] Create()
        {
            if (Enum.GetUnderlyingType(typeof(T)) != typeof(int))
            {
                throw new InvalidOperationException($"{typeof(T).Name} is not numbered by int");
            }

            var values = Enum.GetValues<T>();
            var names = new JsonEncodedText[values.Max(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)) + 1];
            foreach (var v in values)
            {
                names[Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)] = JsonEncodedText.Encode(v.ToString());
            }

            return names;
        }
    }

    /// <summary>
    /// A <see cref="Finding"/> and its <see cref="IndicatorResult"/> rows exactly as <see cref="Options"/> writes them:
    /// properties in declaration order, camelCase, nulls left out, enums by name, the row's CDS code and HasColor
    /// omitted (<see cref="OmitRepeatedEvidenceFields"/>). A golden-file test and the full-state comparison hold
    /// the two to the same bytes.
    /// </summary>
    private sealed class FindingWriter : JsonConverter<Finding>
    {
        private static readonly JsonEncodedText Criterion = JsonEncodedText.Encode("criterion");
        private static readonly JsonEncodedText Applies = JsonEncodedText.Encode("applies");
        private static readonly JsonEncodedText ExplanationName = JsonEncodedText.Encode("explanation");
        private static readonly JsonEncodedText Evidence = JsonEncodedText.Encode("evidence");
        private static readonly JsonEncodedText IndicatorName = JsonEncodedText.Encode("indicator");
        private static readonly JsonEncodedText Color = JsonEncodedText.Encode("color");
        private static readonly JsonEncodedText StatusLevel = JsonEncodedText.Encode("statusLevel");
        private static readonly JsonEncodedText ChangeLevel = JsonEncodedText.Encode("changeLevel");
        private static readonly JsonEncodedText CurrentDenominator = JsonEncodedText.Encode("currentDenominator");
        private static readonly JsonEncodedText CurrentStatus = JsonEncodedText.Encode("currentStatus");
        private static readonly JsonEncodedText PriorDenominator = JsonEncodedText.Encode("priorDenominator");
        private static readonly JsonEncodedText PriorStatus = JsonEncodedText.Encode("priorStatus");
        private static readonly JsonEncodedText Change = JsonEncodedText.Encode("change");
        private static readonly JsonEncodedText CurrentNSizeMet = JsonEncodedText.Encode("currentNSizeMet");
        private static readonly JsonEncodedText AccountabilityMet = JsonEncodedText.Encode("accountabilityMet");
        private static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
        private static readonly JsonEncodedText File = JsonEncodedText.Encode("file");
        private static readonly JsonEncodedText Line = JsonEncodedText.Encode("line");

        public override Finding Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("findings are read with FindingsJson.Options");

        public override void Write(Utf8JsonWriter writer, Finding value, JsonSerializerOptions options) => WriteFinding(writer, value);

        /// <summary>Room for one explanation's words, per writing thread (a few hundred characters; more is made when needed).</summary>
        [ThreadStatic]
        private static char[]? words;

        /// <summary>Each criterion's words, encoded once: findings share the criterion's string.</summary>
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, StrongBox<JsonEncodedText>> CriterionNames = [];

        public static void WriteFinding(Utf8JsonWriter writer, Finding value)
        {
            writer.WriteStartObject();
            writer.WriteString(Criterion, CriterionNames.GetValue(value.Criterion, static c => new StrongBox<JsonEncodedText>(JsonEncodedText.Encode(c, JavaScriptEncoder.UnsafeRelaxedJsonEscaping))).Value);
            writer.WriteBoolean(Applies, value.Applies);
            writer.WriteBoolean(Met, value.Met);
            WriteExplanation(writer, value);
            writer.WriteStartArray(Evidence);
            for (var i = 0; i < value.Evidence.Count; i++)
            {
                WriteRow(writer, value.Evidence[i]);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        private static void WriteExplanation(Utf8JsonWriter writer, Finding value)
        {
            var buffer = words ??= new char[512];
            while (true)
            {
                var text = new Core.Rules.SpanText(buffer);
                value.Explain(ref text);
                if (text.Fits)
                {
                    writer.WriteString(ExplanationName, buffer.AsSpan(0, text.Length));
                    return;
                }

                buffer = words = new char[buffer.Length * 4];
            }
        }

        private static void WriteRow(Utf8JsonWriter writer, IndicatorResult row)
        {
            writer.WriteStartObject();
            writer.WriteString(IndicatorName, EnumNames<Indicator>.Of(row.Indicator));
            writer.WriteString(Group, EnumNames<StudentGroup>.Of(row.Group));
            writer.WriteString(Color, EnumNames<DashboardColor>.Of(row.Color));
            writer.WriteNumber(StatusLevel, row.StatusLevel);
            writer.WriteNumber(ChangeLevel, row.ChangeLevel);
            Number(writer, CurrentDenominator, row.CurrentDenominator);
            Number(writer, CurrentStatus, row.CurrentStatus);
            Number(writer, PriorDenominator, row.PriorDenominator);
            Number(writer, PriorStatus, row.PriorStatus);
            Number(writer, Change, row.Change);
            if (row.CurrentNSizeMet is { } nSize)
            {
                writer.WriteBoolean(CurrentNSizeMet, nSize);
            }

            if (row.AccountabilityMet is { } accountability)
            {
                writer.WriteBoolean(AccountabilityMet, accountability);
            }

            if (row.Source is { } source)
            {
                writer.WriteStartObject(Source);
                writer.WriteString(File, source.File);
                writer.WriteNumber(Line, source.Line);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        private static void Number(Utf8JsonWriter writer, JsonEncodedText name, int? value)
        {
            if (value is { } v)
            {
                writer.WriteNumber(name, v);
            }
        }

        private static void Number(Utf8JsonWriter writer, JsonEncodedText name, decimal? value)
        {
            if (value is { } v)
            {
                writer.WriteNumber(name, v);
            }
        }
    }

    private sealed class CdsCodeConverter : JsonConverter<CdsCode>
    {
        public override CdsCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            CdsCode.Parse(reader.GetString() ?? string.Empty);

        public override void Write(Utf8JsonWriter writer, CdsCode value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
    }
}

public sealed record InputFile(string File, string Indicator, long Bytes, int Rows, int RowsUsed);

public sealed record FindingsDocument(
    int Year,
    bool Projected,
    string GeneratedBy,
    string Rules,
    IReadOnlyList<InputFile> DashboardFiles,
    IReadOnlyList<string> DashboardFilesNotUsed,
    IReadOnlyList<string> LocalIndicatorFiles,
    IReadOnlyList<AppliedSetting> Settings,
    IReadOnlyList<string> Assumptions,
    IReadOnlyList<string> Warnings,
    RunSummary Summary,
    IReadOnlyList<Determination> Leas,
    IReadOnlyList<CharterDetermination> CharterSchools);

/// <summary>Counts by status and by method, as <c>sos determine</c> prints them.</summary>
public sealed record RunSummary(int Leas, IReadOnlyDictionary<string, int> ByStatus, IReadOnlyDictionary<string, int> ByMethod, int CharterSchools, int CharterSchoolsIdentified)
{
    public static RunSummary Of(DeterminationRun run) => new(
        run.Determinations.Count,
        run.Determinations.GroupBy(d => d.Status.Label()).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
        run.Determinations.SelectMany(d => d.Methods).GroupBy(m => $"Method {m.Number}").OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(m => m.Met)),
        run.Charters.Count,
        run.Charters.Count(c => c.IsIdentified));
}
