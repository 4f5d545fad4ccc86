using System.Security.Claims;

namespace SystemOfSupport.Web.Features.Accounts;

/// <summary>
/// Account management in the API (state staff). Changes take a JSON body (PUT or POST), which a cross-site form
/// cannot send, so the cookie alone cannot be used to forge them.
/// </summary>
public static class AccountsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var accounts = api.MapGroup("/accounts").RequireAuthorization(Roles.StateStaffPolicy);
        accounts.MapGet("/", (ManageAccountsHandler handler, CancellationToken ct) => handler.List(ct))
            .WithName("Accounts").WithSummary("Every account with its role, scope (county or LEA) and whether it is locked (state staff).");
        accounts.MapPost("/", async (AddAccount command, AddAccountHandler handler) =>
                await Refusable(async () => Results.Created($"/api/accounts", await handler.Handle(command))))
            .WithName("AddAccount").WithSummary("Add an account, as sos users add does (state staff); 422 when the role, scope, email or password is not acceptable.")
            .Produces<AccountAdded>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        accounts.MapPut("/{id}/role", async (string id, ChangeRole command, ClaimsPrincipal user, ManageAccountsHandler handler) =>
                await Refusable(async () => Done(await handler.Handle(id, command, user))))
            .WithName("ChangeRole").WithSummary("Change an account's role and scope (state staff); nobody can take away their own state role.")
            .Produces(StatusCodes.Status204NoContent).Produces(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        accounts.MapPut("/{id}/lock", async (string id, LockAccount command, ClaimsPrincipal user, ManageAccountsHandler handler) =>
                await Refusable(async () => Done(await handler.Handle(id, command, user))))
            .WithName("LockAccount").WithSummary("Lock an account (its sign-ins are refused) or unlock it (state staff).")
            .Produces(StatusCodes.Status204NoContent).Produces(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        accounts.MapPut("/{id}/password", async (string id, ResetPassword command, ManageAccountsHandler handler) =>
                await Refusable(async () => Done(await handler.Handle(id, command))))
            .WithName("ResetPassword").WithSummary("Set a new password for an account (state staff).")
            .Produces(StatusCodes.Status204NoContent).Produces(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static IResult Done(bool found) => found ? Results.NoContent() : Results.NotFound();

    private static async Task<IResult> Refusable(Func<Task<IResult>> change)
    {
        try
        {
            return await change();
        }
        catch (ArgumentException ex)
        {
            return Results.Problem(ex.Message, statusCode: StatusCodes.Status422UnprocessableEntity);
        }
    }
}
