using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SystemOfSupport.Web.Features;
using SystemOfSupport.Web.Features.Accounts;
using SystemOfSupport.Web.Features.Calpads;
using SystemOfSupport.Web.Features.Cases;
using SystemOfSupport.Web.Features.Caching;
using SystemOfSupport.Web.Features.CountyPage;
using SystemOfSupport.Web.Features.Downloads;
using SystemOfSupport.Web.Features.Exports;
using SystemOfSupport.Web.Features.Funding;
using SystemOfSupport.Web.Features.Import;
using SystemOfSupport.Web.Features.LeaPage;
using SystemOfSupport.Web.Features.Reports;
using SystemOfSupport.Web.Features.Resources;
using SystemOfSupport.Web.Features.StatePage;
using SystemOfSupport.Web.Features.Years;
using SystemOfSupport.Web.Security;
using SystemOfSupport.Web.Storage;

namespace SystemOfSupport.Web;

/// <summary>
/// The web app <c>sos serve</c> runs: Razor Pages from <c>Features/</c>, the JSON API under <c>/api</c>, the OpenAPI
/// document at <c>/openapi/v1.json</c>, downloads under <c>/downloads</c>, accounts (ASP.NET Core Identity, cookie
/// sign-in at <c>/signin</c>). Configured by the <c>Sos</c> section (<see cref="SosOptions"/>) and <c>ConnectionStrings:Sos</c>.
/// </summary>
public static class SosWebApp
{
    /// <summary>Starts the app (<see cref="StartAsync"/>) and serves until stopped (Ctrl+C).</summary>
    public static async Task RunAsync(string[] args)
    {
        await using var app = await StartAsync(args, CancellationToken.None);
        await app.WaitForShutdownAsync();
    }

    /// <summary>Builds the app, brings the database up to date, imports the embedded sample into an empty one, and starts serving.</summary>
    public static async Task<WebApplication> StartAsync(string[] args, CancellationToken cancellationToken)
    {
        var app = Build(args);
        try
        {
            await StorageSetup.MigrateAsync(app.Services, cancellationToken);
            await SampleData.ImportIfEmptyAsync(app.Services, cancellationToken);
            await ResourceCatalogueSeed.SeedIfEmptyAsync(app.Services, app.Services.GetRequiredService<TimeProvider>(), cancellationToken);
            await app.StartAsync(cancellationToken);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // The pages are compiled into this assembly, whichever program (sos, or this project's own) hosts it.
            ApplicationName = typeof(SosWebApp).Assembly.GetName().Name,
        });
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning);
        var services = builder.Services;
        services.AddRazorPages(o => o.RootDirectory = "/Features");
        services.AddSosStorage();
        // Data-protection keys (antiforgery tokens, sign-in cookies) live with the data, so a restart keeps them valid.
        services.AddDataProtection();
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<SosOptions>>((keys, sos) =>
            keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(sos.Value.Data, "keys")), NullLoggerFactory.Instance));
        services.AddIdentity<IdentityUser, IdentityRole>(o => o.User.RequireUniqueEmail = true).AddEntityFrameworkStores<SosDb>();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/signin";
            o.AccessDeniedPath = "/signin";
            // The API answers 401 and 403; only pages are sent to the sign-in page.
            o.Events.OnRedirectToLogin = context => ApiStatusOrRedirect(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => ApiStatusOrRedirect(context, StatusCodes.Status403Forbidden);
        });
        services.AddAuthorizationBuilder().AddPolicy(Roles.StateStaffPolicy, p => p.RequireRole(Roles.State));
        services.AddHttpContextAccessor();
        services.AddScoped(provider => Viewer.Of(provider.GetRequiredService<IHttpContextAccessor>().HttpContext?.User));
        services.AddScoped<AddAccountHandler>();
        services.AddScoped<ManageAccountsHandler>();
        services.AddScoped<PublishYearHandler>();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<YearsHandler>();
        services.AddScoped<StateOverviewHandler>();
        services.AddScoped<CountyHandler>();
        services.AddScoped<LeaHandler>();
        services.AddScoped<ImportYearHandler>();
        services.AddScoped<FundingHandler>();
        services.AddScoped<CalpadsHandler>();
        services.AddScoped<ResourceHubHandler>();
        services.AddScoped<SaveResourceHandler>();
        services.AddReports();
        services.AddScoped<CasesHandler>();
        services.AddScoped<CaseworkHandler>();
        services.AddScoped<CaseProgressHandler>();
        services.AddScoped<ICaseProgress, CaseOnePagerProgress>();
        services.AddSingleton<ImportJobs>();
        services.AddScoped<ImportUpload>();
        services.AddOptions<UploadOptions>().BindConfiguration(UploadOptions.Section);
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = UploadOptions.MaxRequestBytes);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi();
        services.AddPublicViewCache();

        services.AddProblemDetails();
        services.AddSosSecurity();

        var app = builder.Build();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler();
        }

        app.UseStatusCodePages();
        app.UseSosSecurity();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseOutputCache();
        foreach (var stylesheet in new[] { "site.css", "onepager.css" })
        {
            app.MapGet("/" + stylesheet, () => Results.Stream(typeof(SosWebApp).Assembly.GetManifestResourceStream(stylesheet)!, "text/css"))
                .ExcludeFromDescription();
        }
        app.MapRazorPages();
        app.MapOpenApi();
        Api.Map(app);
        CaseApi.Map(app);
        DownloadEndpoint.Map(app);
        ExportEndpoints.Map(app);
        ResourceApi.Map(app);
        ReportEndpoints.Map(app);
        return app;
    }

    /// <summary>Adds an account (<c>sos users add</c>) to the database the arguments name, migrating it first.</summary>
    public static async Task<AccountAdded> AddAccountAsync(string[] args, AddAccount account)
    {
        await using var app = Build(args);
        await StorageSetup.MigrateAsync(app.Services, CancellationToken.None);
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AddAccountHandler>().Handle(account);
    }

    private static Task ApiStatusOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
