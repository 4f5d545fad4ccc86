using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace SystemOfSupport.Web.Storage.Migrations;

/// <summary>
/// The model as of the last migration, without provider column types (see <see cref="DecidedYearsAndAccounts"/>);
/// the PostgreSQL identity annotations are only read by Npgsql.
/// </summary>
[DbContext(typeof(SosDb))]
public sealed class SosDbModelSnapshot : ModelSnapshot
{
    protected override void BuildModel(ModelBuilder modelBuilder)
    {
        modelBuilder
            .HasAnnotation("ProductVersion", "10.0.0")
            .HasAnnotation("Relational:MaxIdentifierLength", 63);

        NpgsqlModelBuilderExtensions.UseIdentityByDefaultColumns(modelBuilder);

        modelBuilder.Entity("Microsoft.AspNetCore.Identity.IdentityRole", b =>
            {
                b.Property<string>("Id");

                b.Property<string>("ConcurrencyStamp")
                    .IsConcurrencyToken();

                b.Property<string>("Name")
                    .HasMaxLength(256);

                b.Property<string>("NormalizedName")
                    .HasMaxLength(256);

                b.HasKey("Id");

                b.HasIndex("NormalizedName")
                    .IsUnique()
                    .HasDatabaseName("RoleNameIndex");

                b.ToTable("AspNetRoles", (string?)null);
            });

        modelBuilder.Entity("Microsoft.AspNetCore.Identity.IdentityRoleClaim<string>", b =>
            {
                b.Property<int>("Id")
                    .ValueGeneratedOnAdd();

                NpgsqlPropertyBuilderExtensions.UseIdentityByDefaultColumn(b.Property<int>("Id"));

                b.Property<string>("ClaimType");

                b.Property<string>("ClaimValue");

                b.Property<string>("RoleId")
                    .IsRequired();

                b.HasKey("Id");

                b.HasIndex("RoleId");

                b.ToTable("AspNetRoleClaims", (string?)null);
            });

        modelBuilder.Entity("Microsoft.AspNetCore.Identity.IdentityUser", b =>
            {
                b.Property<string>("Id");

                b.Property<int>("AccessFailedCount");

                b.Property<string>("ConcurrencyStamp")
                    .IsConcurrencyToken();

                b.Property<string>("Email")
                    .HasMaxLength(256);

                b.Property<bool>("EmailConfirmed");

                b.Property<bool>("LockoutEnabled");

                b.Property<DateTimeOffset?>("LockoutEnd");

                b.Property<string>("NormalizedEmail")
                    .HasMaxLength(256);

                b.Property<string>("NormalizedUserName")
                    .HasMaxLength(256);

                b.Property<string>("PasswordHash");

                b.Property<string>("PhoneNumber");

                b.Property<bool>("PhoneNumberConfirmed");

                b.Property<string>("SecurityStamp");

                b.Property<bool>("TwoFactorEnabled");

                b.Property<string>("UserName")
                    .HasMaxLength(256);

                b.HasKey("Id");

                b.HasIndex("NormalizedEmail")
                    .HasDatabaseName("EmailIndex");

                b.HasIndex("NormalizedUserName")
                    .IsUnique()
                    .HasDatabaseName("UserNameIndex");

                b.ToTable("AspNetUsers", (string?)null);
            });

        modelBuilder.Entity("Microsoft.AspNetCore.Identity.IdentityUserClaim<string>", b =>
            {
                b.Property<int>("Id")
                    .ValueGeneratedOnAdd();

                NpgsqlPropertyBuilderExtensions.UseIdentityByDefaultColumn(b.Property<int>("Id"));

                b.Property<string>("ClaimType");

                b.Property<string>("ClaimValue");

                b.Property<string>("UserId")
                    .IsRequired();

                b.HasKey("Id");

                b.HasIndex("UserId");

                b.ToTable("AspNetUserClaims", (string?)null);
            });

        modelBuilder.Entity("Microsoft.AspNetCore.Identity.IdentityUserLogin<string>", b =>
            {
                b.Property<string>("LoginProvider");

                b.Property<string>("ProviderKey");

                b.Property<string>("ProviderDisplayName");

                b.Property<string>("UserId")
                    .IsRequired();

                b.HasKey("LoginProvider", "ProviderKey");

                b.HasIndex("UserId");

                b.ToTable("AspNetUserLogins", (string?)null);
            });

        modelBuilder.Entity("Microsoft.AspNetCore.Identity.IdentityUserRole<string>", b =>
            {
                b.Property<string>("UserId");

                b.Property<string>("RoleId");

                b.HasKey("UserId", "RoleId");

                b.HasIndex("RoleId");

                b.ToTable("AspNetUserRoles", (string?)null);
            });

        modelBuilder.Entity("Microsoft.AspNetCore.Identity.IdentityUserToken<string>", b =>
            {
                b.Property<string>("UserId");

                b.Property<string>("LoginProvider");

                b.Property<string>("Name");

                b.Property<string>("Value");

                b.HasKey("UserId", "LoginProvider", "Name");

                b.ToTable("AspNetUserTokens", (string?)null);
            });

        modelBuilder.Entity("SystemOfSupport.Web.Storage.StoredCertification", b =>
            {
                b.Property<int>("Year");

                b.Property<string>("Cds")
                    .HasMaxLength(14);

                b.Property<string>("SchoolYear")
                    .HasMaxLength(7);

                b.Property<string>("Submission")
                    .HasMaxLength(10);

                b.Property<DateOnly?>("AmendedOn");

                b.Property<DateOnly?>("CertifiedOn");

                b.Property<string>("CountyCode")
                    .IsRequired()
                    .HasMaxLength(2);

                b.Property<bool>("DataQualityIssue");

                b.HasKey("Year", "Cds", "SchoolYear", "Submission");

                b.HasIndex("SchoolYear", "CountyCode");

                b.ToTable("CalpadsCertifications", (string?)null);
            });

        modelBuilder.Entity("SystemOfSupport.Web.Storage.StoredDirectoryEntry", b =>
            {
                b.Property<int>("Year");

                b.Property<string>("Cds")
                    .HasMaxLength(14);

                b.Property<decimal>("Ada");

                b.Property<string>("CharterAuthorizer")
                    .HasMaxLength(14);

                b.Property<string>("City");

                b.Property<string>("CountyCode")
                    .IsRequired()
                    .HasMaxLength(2);

                b.Property<string>("GradeSpan");

                b.Property<int>("Line");

                b.Property<string>("Name")
                    .IsRequired();

                b.HasKey("Year", "Cds");

                b.ToTable("LeaDirectoryEntries", (string?)null);
            });

        modelBuilder.Entity("SystemOfSupport.Web.Features.Resources.HubResource", b =>
            {
                b.Property<string>("Id")
                    .HasMaxLength(60);

                b.Property<string>("Audiences")
                    .IsRequired()
                    .HasMaxLength(100);

                b.Property<string>("Groups")
                    .IsRequired()
                    .HasMaxLength(100);

                b.Property<string>("Indicators")
                    .IsRequired()
                    .HasMaxLength(100);

                b.Property<string>("Kind")
                    .IsRequired()
                    .HasMaxLength(30);

                b.Property<string>("Levels")
                    .IsRequired()
                    .HasMaxLength(10);

                b.Property<string>("Name")
                    .IsRequired()
                    .HasMaxLength(200);

                b.Property<string>("Priorities")
                    .IsRequired()
                    .HasMaxLength(40);

                b.Property<bool>("Retired");

                b.Property<string>("Summary")
                    .IsRequired();

                b.Property<string>("UpdatedBy")
                    .HasMaxLength(256);

                b.Property<DateTime>("UpdatedUtc");

                b.Property<string>("Url")
                    .HasMaxLength(500);

                b.Property<int>("Version")
                    .IsConcurrencyToken();

                b.HasKey("Id");

                b.ToTable("HubResources", (string?)null);
            });

        modelBuilder.Entity("SystemOfSupport.Web.Storage.DecidedYear", b =>
            {
                b.Property<int>("Year");

                b.Property<DateTime>("ImportedUtc");

                b.Property<bool>("Published");

                b.Property<string>("Source")
                    .IsRequired();

                b.Property<string>("Summary")
                    .IsRequired();

                b.Property<string>("Warnings")
                    .IsRequired();

                b.HasKey("Year");

                b.ToTable("DecidedYears", (string?)null);
            });

        modelBuilder.Entity("SystemOfSupport.Web.Storage.LeaDecision", b =>
            {
                b.Property<int>("Year");

                b.Property<string>("Cds")
                    .HasMaxLength(14);

                b.Property<string>("CountyCode")
                    .IsRequired()
                    .HasMaxLength(2);

                b.Property<string>("Findings")
                    .IsRequired();

                b.Property<bool>("InAssistance");

                b.Property<string>("Kind")
                    .IsRequired()
                    .HasMaxLength(20);

                b.Property<string>("Letters")
                    .IsRequired();

                b.Property<bool?>("Level3");

                b.Property<string>("MetMethods")
                    .IsRequired()
                    .HasMaxLength(20);

                b.Property<string>("Name")
                    .IsRequired();

                b.Property<string>("Provider");

                b.Property<string>("Status")
                    .IsRequired()
                    .HasMaxLength(60);

                b.HasKey("Year", "Cds");

                b.HasIndex("Cds");

                b.HasIndex("Year", "CountyCode");

                b.HasIndex("Year", "Status");

                b.ToTable("LeaDecisions", (string?)null);
            });

        modelBuilder.Entity("SystemOfSupport.Web.Storage.OutputFile", b =>
            {
                b.Property<string>("Name")
                    .HasMaxLength(100);

                b.Property<byte[]>("Content")
                    .IsRequired();

                b.Property<string>("ContentType")
                    .IsRequired()
                    .HasMaxLength(100);

                b.Property<int>("Year");

                b.HasKey("Name");

                b.HasIndex("Year");

                b.ToTable("OutputFiles", (string?)null);
            });

        modelBuilder.Entity("SystemOfSupport.Web.Storage.AssistanceCase", b =>
            {
                b.Property<int>("Id")
                    .ValueGeneratedOnAdd();

                NpgsqlPropertyBuilderExtensions.UseIdentityByDefaultColumn(b.Property<int>("Id"));

                b.Property<string>("Cds")
                    .IsRequired()
                    .HasMaxLength(14);

                b.Property<int?>("ContinuesCaseId");

                b.Property<string>("CountyCode")
                    .IsRequired()
                    .HasMaxLength(2);

                b.Property<string>("LeaName")
                    .IsRequired();

                b.Property<bool>("Level3");

                b.Property<bool>("Method4");

                b.Property<DateTime>("OpenedUtc");

                b.Property<string>("PlanSummary");

                b.Property<string>("RootCauses");

                b.Property<string>("Step")
                    .IsRequired()
                    .HasMaxLength(30);

                b.Property<string>("Strategies");

                b.Property<int>("TermYear");

                b.Property<int>("Version")
                    .IsConcurrencyToken();

                b.HasKey("Id");

                b.HasIndex("CountyCode");

                b.HasIndex("Cds", "TermYear")
                    .IsUnique();

                b.ToTable("Cases", (string?)null);
            });

        modelBuilder.Entity("SystemOfSupport.Web.Storage.CaseMeeting", b =>
            {
                b.Property<int>("Id")
                    .ValueGeneratedOnAdd();

                NpgsqlPropertyBuilderExtensions.UseIdentityByDefaultColumn(b.Property<int>("Id"));

                b.Property<int>("CaseId");

                b.Property<DateOnly>("Date");

                b.Property<string>("Notes");

                b.Property<string>("Participants")
                    .IsRequired();

                b.Property<string>("Purpose")
                    .IsRequired();

                b.HasKey("Id");

                b.HasIndex("CaseId");

                b.ToTable("CaseMeetings", (string?)null);
            });

        modelBuilder.Entity("SystemOfSupport.Web.Storage.CaseEngagement", b =>
            {
                b.Property<int>("Id")
                    .ValueGeneratedOnAdd();

                NpgsqlPropertyBuilderExtensions.UseIdentityByDefaultColumn(b.Property<int>("Id"));

                b.Property<int>("CaseId");

                b.Property<DateOnly>("Date");

                b.Property<string>("Partners")
                    .IsRequired();

                b.Property<string>("Summary")
                    .IsRequired();

                b.HasKey("Id");

                b.HasIndex("CaseId");

                b.ToTable("CaseEngagements", (string?)null);
            });

        modelBuilder.Entity("SystemOfSupport.Web.Storage.CaseNote", b =>
            {
                b.Property<int>("Id")
                    .ValueGeneratedOnAdd();

                NpgsqlPropertyBuilderExtensions.UseIdentityByDefaultColumn(b.Property<int>("Id"));

                b.Property<string>("Author")
                    .IsRequired();

                b.Property<int>("CaseId");

                b.Property<string>("Text")
                    .IsRequired();

                b.Property<DateTime>("WrittenUtc");

                b.HasKey("Id");

                b.HasIndex("CaseId");

                b.ToTable("CaseNotes", (string?)null);
            });

        modelBuilder.Entity("SystemOfSupport.Web.Storage.CaseTask", b =>
            {
                b.Property<int>("Id")
                    .ValueGeneratedOnAdd();

                NpgsqlPropertyBuilderExtensions.UseIdentityByDefaultColumn(b.Property<int>("Id"));

                b.Property<int>("CaseId");

                b.Property<bool>("Done");

                b.Property<DateOnly>("Due");

                b.Property<string>("Owner")
                    .IsRequired();

                b.Property<string>("Title")
                    .IsRequired();

                b.HasKey("Id");

                b.HasIndex("CaseId");

                b.ToTable("CaseTasks", (string?)null);
            });

        modelBuilder.Entity("SystemOfSupport.Web.Storage.CaseDocument", b =>
            {
                b.Property<int>("Id")
                    .ValueGeneratedOnAdd();

                NpgsqlPropertyBuilderExtensions.UseIdentityByDefaultColumn(b.Property<int>("Id"));

                b.Property<string>("AddedBy")
                    .IsRequired();

                b.Property<DateTime>("AddedUtc");

                b.Property<int>("CaseId");

                b.Property<byte[]>("Content");

                b.Property<string>("ContentType")
                    .HasMaxLength(100);

                b.Property<string>("Link");

                b.Property<string>("Name")
                    .IsRequired()
                    .HasMaxLength(200);

                b.HasKey("Id");

                b.HasIndex("CaseId");

                b.ToTable("CaseDocuments", (string?)null);
            });

        modelBuilder.Entity("SystemOfSupport.Web.Storage.CaseLevel3Record", b =>
            {
                b.Property<int>("Id")
                    .ValueGeneratedOnAdd();

                NpgsqlPropertyBuilderExtensions.UseIdentityByDefaultColumn(b.Property<int>("Id"));

                b.Property<string>("Action")
                    .IsRequired()
                    .HasMaxLength(30);

                b.Property<int>("CaseId");

                b.Property<DateOnly>("Date");

                b.Property<string>("Decision")
                    .IsRequired();

                b.HasKey("Id");

                b.HasIndex("CaseId");

                b.ToTable("CaseLevel3Records", (string?)null);
            });

        modelBuilder.Entity("SystemOfSupport.Web.Storage.CaseToolkitForm", b =>
            {
                b.Property<int>("Id")
                    .ValueGeneratedOnAdd();

                NpgsqlPropertyBuilderExtensions.UseIdentityByDefaultColumn(b.Property<int>("Id"));

                b.Property<int>("CaseId");

                b.Property<string>("Fields")
                    .IsRequired();

                b.Property<string>("Form")
                    .IsRequired()
                    .HasMaxLength(40);

                b.Property<DateTime>("SavedUtc");

                b.HasKey("Id");

                b.HasIndex("CaseId", "Form")
                    .IsUnique();

                b.ToTable("CaseToolkitForms", (string?)null);
            });

        modelBuilder.Entity("SystemOfSupport.Web.Storage.CaseAuditEntry", b =>
            {
                b.Property<int>("Id")
                    .ValueGeneratedOnAdd();

                NpgsqlPropertyBuilderExtensions.UseIdentityByDefaultColumn(b.Property<int>("Id"));

                b.Property<string>("Action")
                    .IsRequired();

                b.Property<string>("After");

                b.Property<DateTime>("AtUtc");

                b.Property<string>("Before");

                b.Property<int>("CaseId");

                b.Property<string>("Entity")
                    .IsRequired()
                    .HasMaxLength(40);

                b.Property<int?>("EntityId");

                b.Property<int>("Version");

                b.Property<string>("Who")
                    .IsRequired();

                b.HasKey("Id");

                b.HasIndex("CaseId", "Version");

                b.ToTable("CaseAuditEntries", (string?)null);
            });

        modelBuilder.Entity("Microsoft.AspNetCore.Identity.IdentityRoleClaim<string>", b =>
            {
                b.HasOne("Microsoft.AspNetCore.Identity.IdentityRole", null)
                    .WithMany()
                    .HasForeignKey("RoleId")
                    .OnDelete(DeleteBehavior.Cascade)
                    .IsRequired();
            });

        modelBuilder.Entity("Microsoft.AspNetCore.Identity.IdentityUserClaim<string>", b =>
            {
                b.HasOne("Microsoft.AspNetCore.Identity.IdentityUser", null)
                    .WithMany()
                    .HasForeignKey("UserId")
                    .OnDelete(DeleteBehavior.Cascade)
                    .IsRequired();
            });

        modelBuilder.Entity("Microsoft.AspNetCore.Identity.IdentityUserLogin<string>", b =>
            {
                b.HasOne("Microsoft.AspNetCore.Identity.IdentityUser", null)
                    .WithMany()
                    .HasForeignKey("UserId")
                    .OnDelete(DeleteBehavior.Cascade)
                    .IsRequired();
            });

        modelBuilder.Entity("Microsoft.AspNetCore.Identity.IdentityUserRole<string>", b =>
            {
                b.HasOne("Microsoft.AspNetCore.Identity.IdentityRole", null)
                    .WithMany()
                    .HasForeignKey("RoleId")
                    .OnDelete(DeleteBehavior.Cascade)
                    .IsRequired();

                b.HasOne("Microsoft.AspNetCore.Identity.IdentityUser", null)
                    .WithMany()
                    .HasForeignKey("UserId")
                    .OnDelete(DeleteBehavior.Cascade)
                    .IsRequired();
            });

        modelBuilder.Entity("Microsoft.AspNetCore.Identity.IdentityUserToken<string>", b =>
            {
                b.HasOne("Microsoft.AspNetCore.Identity.IdentityUser", null)
                    .WithMany()
                    .HasForeignKey("UserId")
                    .OnDelete(DeleteBehavior.Cascade)
                    .IsRequired();
            });

        modelBuilder.Entity("SystemOfSupport.Web.Storage.CaseMeeting", b =>
            {
                b.HasOne("SystemOfSupport.Web.Storage.AssistanceCase", null)
                    .WithMany()
                    .HasForeignKey("CaseId")
                    .OnDelete(DeleteBehavior.Cascade)
                    .IsRequired();
            });

        modelBuilder.Entity("SystemOfSupport.Web.Storage.CaseEngagement", b =>
            {
                b.HasOne("SystemOfSupport.Web.Storage.AssistanceCase", null)
                    .WithMany()
                    .HasForeignKey("CaseId")
                    .OnDelete(DeleteBehavior.Cascade)
                    .IsRequired();
            });

        modelBuilder.Entity("SystemOfSupport.Web.Storage.CaseNote", b =>
            {
                b.HasOne("SystemOfSupport.Web.Storage.AssistanceCase", null)
                    .WithMany()
                    .HasForeignKey("CaseId")
                    .OnDelete(DeleteBehavior.Cascade)
                    .IsRequired();
            });

        modelBuilder.Entity("SystemOfSupport.Web.Storage.CaseTask", b =>
            {
                b.HasOne("SystemOfSupport.Web.Storage.AssistanceCase", null)
                    .WithMany()
                    .HasForeignKey("CaseId")
                    .OnDelete(DeleteBehavior.Cascade)
                    .IsRequired();
            });

        modelBuilder.Entity("SystemOfSupport.Web.Storage.CaseDocument", b =>
            {
                b.HasOne("SystemOfSupport.Web.Storage.AssistanceCase", null)
                    .WithMany()
                    .HasForeignKey("CaseId")
                    .OnDelete(DeleteBehavior.Cascade)
                    .IsRequired();
            });

        modelBuilder.Entity("SystemOfSupport.Web.Storage.CaseLevel3Record", b =>
            {
                b.HasOne("SystemOfSupport.Web.Storage.AssistanceCase", null)
                    .WithMany()
                    .HasForeignKey("CaseId")
                    .OnDelete(DeleteBehavior.Cascade)
                    .IsRequired();
            });

        modelBuilder.Entity("SystemOfSupport.Web.Storage.CaseToolkitForm", b =>
            {
                b.HasOne("SystemOfSupport.Web.Storage.AssistanceCase", null)
                    .WithMany()
                    .HasForeignKey("CaseId")
                    .OnDelete(DeleteBehavior.Cascade)
                    .IsRequired();
            });

        modelBuilder.Entity("SystemOfSupport.Web.Storage.CaseAuditEntry", b =>
            {
                b.HasOne("SystemOfSupport.Web.Storage.AssistanceCase", null)
                    .WithMany()
                    .HasForeignKey("CaseId")
                    .OnDelete(DeleteBehavior.Cascade)
                    .IsRequired();
            });
    }
}
