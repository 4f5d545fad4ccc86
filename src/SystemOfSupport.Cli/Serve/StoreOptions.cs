using System.CommandLine;

namespace SystemOfSupport.Cli.Serve;

/// <summary>Where the web app keeps its data: <c>--data DIR</c> and <c>--postgres CONNECTION</c>, shared by <c>sos serve</c> and <c>sos users</c>.</summary>
internal sealed class StoreOptions
{
    public Option<string?> Data { get; } = new("--data")
    {
        Description = "The app's folder: its SQLite database, the import folders (DIR/import) and the extracted sample. Default: the user's local application data, sos/.",
    };

    public Option<string?> Postgres { get; } = new("--postgres") { Description = "A PostgreSQL connection string: keep the data there instead of SQLite." };

    public void AddTo(Command command)
    {
        command.Options.Add(Data);
        command.Options.Add(Postgres);
    }

    /// <summary>The web app's configuration arguments for the options given.</summary>
    public List<string> HostArgs(ParseResult parse)
    {
        var args = new List<string>();
        if (parse.GetValue(Data) is { } dir)
        {
            args.AddRange(["--Sos:Data", Path.GetFullPath(dir)]);
        }

        if (parse.GetValue(Postgres) is { } connection)
        {
            args.AddRange(["--Sos:Database", "postgres", "--ConnectionStrings:Sos", connection]);
        }

        return args;
    }
}
