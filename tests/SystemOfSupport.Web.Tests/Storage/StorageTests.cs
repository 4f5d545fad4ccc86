using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SystemOfSupport.Web.Features.Import;
using SystemOfSupport.Web.Storage;
using SystemOfSupport.Web.Tests.Infrastructure;

namespace SystemOfSupport.Web.Tests.Storage;

[Collection(WebServers.Name)]
public class StorageTests(Servers servers)
{
    public static TheoryData<string> Databases => SosServer.Databases;

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task The_migrations_build_the_model_on_each_database(string database)
    {
        var server = servers.For(database);
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SosDb>();
        db.Database.ProviderName.ShouldEndWith(database == SosOptions.Sqlite ? "Sqlite" : "PostgreSQL");
        db.Database.HasPendingModelChanges().ShouldBeFalse();
        (await db.Database.GetAppliedMigrationsAsync()).ShouldBe(
            ["20251125000000_DecidedYearsAndAccounts", "20261124100000_DirectoryAndCertifications", "20261124200000_Casework", "20261124300000_Resources"]);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Each_LEA_is_stored_with_its_findings_and_the_sample_is_not_imported_twice(string database)
    {
        var server = servers.For(database);
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SosDb>();
        (await db.Leas.CountAsync(l => l.Year == 2024)).ShouldBe(25 + 8);
        var coe = await db.Leas.SingleAsync(l => l.Year == 2024 && l.Cds == "27102720000000");
        (coe.CountyCode, coe.Status, coe.MetMethods, coe.Level3).ShouldBe(("27", "Differentiated Assistance, Year 1", "1", (bool?)true));
        coe.Findings.ShouldContain("\"statusReason\":");
        (await db.Files.Where(f => f.Year == 2024).Select(f => f.Name).OrderBy(n => n).ToListAsync())
            .ShouldBe(["assistancestatus24.csv", "assistancestatus24.xlsx", "charterassistance24.csv", "charterassistance24.xlsx", "findings24.json"]);

        // The year's LEA directory is stored with it (ADA and authorizers, for funding); the sample has no certifications.
        var directory = await db.Set<StoredDirectoryEntry>().Where(d => d.Year == 2024).OrderBy(d => d.Cds).ToListAsync();
        directory.Count.ShouldBe(33);
        var charter = directory.Single(d => d.Cds == "27751500118349");
        (charter.Name, charter.Ada, charter.CharterAuthorizer, charter.CountyCode).ShouldBe(("Big Sur Charter", 98.81m, "27751500000000", "27"));
        (await db.Set<StoredCertification>().AnyAsync()).ShouldBeFalse();

        (await SampleData.ImportIfEmptyAsync(server.Services, CancellationToken.None)).ShouldBeEmpty();
    }
}
