using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SystemOfSupport.Web.Storage.Migrations;

/// <summary>The resource hub (Features/Resources): one row per entry, tags as codes, with a version for concurrent edits. No column types named (see <see cref="DecidedYearsAndAccounts"/>).</summary>
[DbContext(typeof(SosDb))]
[Migration("20261124300000_Resources")]
public sealed class Resources : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "HubResources",
            columns: table => new
            {
                Id = table.Column<string>(maxLength: 60, nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Kind = table.Column<string>(maxLength: 30, nullable: false),
                Summary = table.Column<string>(nullable: false),
                Url = table.Column<string>(maxLength: 500, nullable: true),
                Priorities = table.Column<string>(maxLength: 40, nullable: false),
                Groups = table.Column<string>(maxLength: 100, nullable: false),
                Indicators = table.Column<string>(maxLength: 100, nullable: false),
                Audiences = table.Column<string>(maxLength: 100, nullable: false),
                Levels = table.Column<string>(maxLength: 10, nullable: false),
                Retired = table.Column<bool>(nullable: false),
                UpdatedUtc = table.Column<DateTime>(nullable: false),
                UpdatedBy = table.Column<string>(maxLength: 256, nullable: true),
                Version = table.Column<int>(nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_HubResources", x => x.Id);
            });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "HubResources");
    }
}
