using System.Diagnostics;
using System.Text.RegularExpressions;
using SystemOfSupport.Tests;

namespace SystemOfSupport.Web.Tests.Security;

/// <summary>No private key, cloud or GitHub token, or connection-string password is committed (every file git tracks).</summary>
public partial class NoSecretsTests
{
    /// <summary>The local test role .ci/run creates, the only password a committed connection string may carry.</summary>
    private static readonly string[] AllowedPasswords = ["sos_test", "…", "..."];

    [Fact]
    public void No_tracked_file_holds_a_secret()
    {
        var found = new List<string>();
        foreach (var file in TrackedFiles())
        {
            var path = Path.Combine(RepoPaths.Root, file);
            if (!File.Exists(path) || new FileInfo(path).Length > 20 << 20 || IsBinary(path))
            {
                continue;
            }

            var lines = File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                if (PrivateKey().IsMatch(lines[i]) || CloudKey().IsMatch(lines[i]))
                {
                    found.Add($"{file}:{i + 1}: a key or token");
                }

                foreach (Match password in ConnectionPassword().Matches(lines[i]))
                {
                    if (!AllowedPasswords.Contains(password.Groups[1].Value.Trim()))
                    {
                        found.Add($"{file}:{i + 1}: a connection-string password");
                    }
                }
            }
        }

        found.ShouldBeEmpty();
    }

    [Fact]
    public void The_scan_finds_what_it_looks_for()
    {
        PrivateKey().IsMatch("-----BEGIN " + "RSA PRIVATE KEY-----").ShouldBeTrue();
        CloudKey().IsMatch("AKIA" + "ABCDEFGHIJKLMNOP").ShouldBeTrue();
        ConnectionPassword().Match("Host=db;Username=sos;Pass" + "word=hunter2;Database=sos").Groups[1].Value.ShouldBe("hunter2");
        ConnectionPassword().Match("Username=sos_test;Pass" + "word=sos_test").Groups[1].Value.ShouldBe("sos_test");
    }

    private static string[] TrackedFiles()
    {
        using var git = Process.Start(new ProcessStartInfo("git", "ls-files -z") { WorkingDirectory = RepoPaths.Root, RedirectStandardOutput = true })!;
        var files = git.StandardOutput.ReadToEnd().Split('\0', StringSplitOptions.RemoveEmptyEntries);
        git.WaitForExit();
        git.ExitCode.ShouldBe(0);
        files.ShouldNotBeEmpty();
        return files;
    }

    private static bool IsBinary(string path)
    {
        using var stream = File.OpenRead(path);
        var head = new byte[8000];
        var read = stream.Read(head);
        return Array.IndexOf(head, (byte)0, 0, read) >= 0 || path.EndsWith(".xlsx", StringComparison.Ordinal);
    }

    [GeneratedRegex("-----BEGIN (RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----")]
    private static partial Regex PrivateKey();

    [GeneratedRegex(@"\b(AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{36}|xox[baprs]-[A-Za-z0-9-]{10,})\b")]
    private static partial Regex CloudKey();

    [GeneratedRegex(@"(?i)(?:^|[;""'\s])(?:password|pwd)=([^;""'\s]+)")]
    private static partial Regex ConnectionPassword();
}
