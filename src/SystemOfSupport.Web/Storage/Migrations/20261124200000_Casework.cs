using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace SystemOfSupport.Web.Storage.Migrations;

/// <summary>
/// Casework (issue 7): assistance cases with their meetings, engagement records, notes, tasks, documents, Level 3
/// records, CALPADS toolkit forms and audit trail. As <see cref="DecidedYearsAndAccounts"/>: no column types named,
/// identity columns annotated for both providers.
/// </summary>
[DbContext(typeof(SosDb))]
[Migration("20261124200000_Casework")]
public sealed class Casework : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Cases",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Cds = table.Column<string>(maxLength: 14, nullable: false),
                CountyCode = table.Column<string>(maxLength: 2, nullable: false),
                LeaName = table.Column<string>(nullable: false),
                TermYear = table.Column<int>(nullable: false),
                Step = table.Column<string>(maxLength: 30, nullable: false),
                Method4 = table.Column<bool>(nullable: false),
                Level3 = table.Column<bool>(nullable: false),
                RootCauses = table.Column<string>(nullable: true),
                Strategies = table.Column<string>(nullable: true),
                PlanSummary = table.Column<string>(nullable: true),
                ContinuesCaseId = table.Column<int>(nullable: true),
                OpenedUtc = table.Column<DateTime>(nullable: false),
                Version = table.Column<int>(nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Cases", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "CaseMeetings",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                CaseId = table.Column<int>(nullable: false),
                Date = table.Column<DateOnly>(nullable: false),
                Purpose = table.Column<string>(nullable: false),
                Participants = table.Column<string>(nullable: false),
                Notes = table.Column<string>(nullable: true)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CaseMeetings", x => x.Id);
                table.ForeignKey(
                    name: "FK_CaseMeetings_Cases_CaseId",
                    column: x => x.CaseId,
                    principalTable: "Cases",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "CaseEngagements",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                CaseId = table.Column<int>(nullable: false),
                Date = table.Column<DateOnly>(nullable: false),
                Partners = table.Column<string>(nullable: false),
                Summary = table.Column<string>(nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CaseEngagements", x => x.Id);
                table.ForeignKey(
                    name: "FK_CaseEngagements_Cases_CaseId",
                    column: x => x.CaseId,
                    principalTable: "Cases",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "CaseNotes",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                CaseId = table.Column<int>(nullable: false),
                WrittenUtc = table.Column<DateTime>(nullable: false),
                Author = table.Column<string>(nullable: false),
                Text = table.Column<string>(nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CaseNotes", x => x.Id);
                table.ForeignKey(
                    name: "FK_CaseNotes_Cases_CaseId",
                    column: x => x.CaseId,
                    principalTable: "Cases",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "CaseTasks",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                CaseId = table.Column<int>(nullable: false),
                Title = table.Column<string>(nullable: false),
                Owner = table.Column<string>(nullable: false),
                Due = table.Column<DateOnly>(nullable: false),
                Done = table.Column<bool>(nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CaseTasks", x => x.Id);
                table.ForeignKey(
                    name: "FK_CaseTasks_Cases_CaseId",
                    column: x => x.CaseId,
                    principalTable: "Cases",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "CaseDocuments",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                CaseId = table.Column<int>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                ContentType = table.Column<string>(maxLength: 100, nullable: true),
                Content = table.Column<byte[]>(nullable: true),
                Link = table.Column<string>(nullable: true),
                AddedUtc = table.Column<DateTime>(nullable: false),
                AddedBy = table.Column<string>(nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CaseDocuments", x => x.Id);
                table.ForeignKey(
                    name: "FK_CaseDocuments_Cases_CaseId",
                    column: x => x.CaseId,
                    principalTable: "Cases",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "CaseLevel3Records",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                CaseId = table.Column<int>(nullable: false),
                Action = table.Column<string>(maxLength: 30, nullable: false),
                Date = table.Column<DateOnly>(nullable: false),
                Decision = table.Column<string>(nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CaseLevel3Records", x => x.Id);
                table.ForeignKey(
                    name: "FK_CaseLevel3Records_Cases_CaseId",
                    column: x => x.CaseId,
                    principalTable: "Cases",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "CaseToolkitForms",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                CaseId = table.Column<int>(nullable: false),
                Form = table.Column<string>(maxLength: 40, nullable: false),
                Fields = table.Column<string>(nullable: false),
                SavedUtc = table.Column<DateTime>(nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CaseToolkitForms", x => x.Id);
                table.ForeignKey(
                    name: "FK_CaseToolkitForms_Cases_CaseId",
                    column: x => x.CaseId,
                    principalTable: "Cases",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "CaseAuditEntries",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                CaseId = table.Column<int>(nullable: false),
                Version = table.Column<int>(nullable: false),
                AtUtc = table.Column<DateTime>(nullable: false),
                Who = table.Column<string>(nullable: false),
                Entity = table.Column<string>(maxLength: 40, nullable: false),
                EntityId = table.Column<int>(nullable: true),
                Action = table.Column<string>(nullable: false),
                Before = table.Column<string>(nullable: true),
                After = table.Column<string>(nullable: true)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CaseAuditEntries", x => x.Id);
                table.ForeignKey(
                    name: "FK_CaseAuditEntries_Cases_CaseId",
                    column: x => x.CaseId,
                    principalTable: "Cases",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_Cases_CountyCode",
            table: "Cases",
            column: "CountyCode");

        migrationBuilder.CreateIndex(
            name: "IX_Cases_Cds_TermYear",
            table: "Cases",
            columns: ["Cds", "TermYear"],
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_CaseMeetings_CaseId",
            table: "CaseMeetings",
            column: "CaseId");

        migrationBuilder.CreateIndex(
            name: "IX_CaseEngagements_CaseId",
            table: "CaseEngagements",
            column: "CaseId");

        migrationBuilder.CreateIndex(
            name: "IX_CaseNotes_CaseId",
            table: "CaseNotes",
            column: "CaseId");

        migrationBuilder.CreateIndex(
            name: "IX_CaseTasks_CaseId",
            table: "CaseTasks",
            column: "CaseId");

        migrationBuilder.CreateIndex(
            name: "IX_CaseDocuments_CaseId",
            table: "CaseDocuments",
            column: "CaseId");

        migrationBuilder.CreateIndex(
            name: "IX_CaseLevel3Records_CaseId",
            table: "CaseLevel3Records",
            column: "CaseId");

        migrationBuilder.CreateIndex(
            name: "IX_CaseToolkitForms_CaseId_Form",
            table: "CaseToolkitForms",
            columns: ["CaseId", "Form"],
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_CaseAuditEntries_CaseId_Version",
            table: "CaseAuditEntries",
            columns: ["CaseId", "Version"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(
            name: "CaseMeetings");

        migrationBuilder.DropTable(
            name: "CaseEngagements");

        migrationBuilder.DropTable(
            name: "CaseNotes");

        migrationBuilder.DropTable(
            name: "CaseTasks");

        migrationBuilder.DropTable(
            name: "CaseDocuments");

        migrationBuilder.DropTable(
            name: "CaseLevel3Records");

        migrationBuilder.DropTable(
            name: "CaseToolkitForms");

        migrationBuilder.DropTable(
            name: "CaseAuditEntries");

        migrationBuilder.DropTable(
            name: "Cases");
    }
}
