using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SystemOfSupport.Web.Features.Accounts;

/// <summary>State staff's account list: add an account, change a role and scope, lock or unlock, set a new password.</summary>
[Authorize(Policy = Roles.StateStaffPolicy)]
public sealed class AccountsModel(ManageAccountsHandler accounts, AddAccountHandler add) : PageModel
{
    public IReadOnlyList<AccountSummary> Accounts { get; private set; } = [];

    /// <summary>What the last change did, or why it was refused.</summary>
    public string? Message { get; private set; }

    public bool Refused { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Accounts = await accounts.List(cancellationToken);

    public Task<IActionResult> OnPostAddAsync(string email, string password, string role, string? county, string? lea, CancellationToken cancellationToken) =>
        Change(
            async () =>
            {
                await add.Handle(new AddAccount(email, password, role, county, lea));
                return $"Added {email}.";
            },
            cancellationToken);

    public Task<IActionResult> OnPostRoleAsync(string id, string role, string? county, string? lea, CancellationToken cancellationToken) =>
        Change(async () => await accounts.Handle(id, new ChangeRole(role, county, lea), User) ? "Role changed." : null, cancellationToken);

    public Task<IActionResult> OnPostLockAsync(string id, bool locked, CancellationToken cancellationToken) =>
        Change(async () => await accounts.Handle(id, new LockAccount(locked), User) ? (locked ? "Account locked." : "Account unlocked.") : null, cancellationToken);

    public Task<IActionResult> OnPostPasswordAsync(string id, string password, CancellationToken cancellationToken) =>
        Change(async () => await accounts.Handle(id, new ResetPassword(password)) ? "Password set." : null, cancellationToken);

    /// <summary>Runs a change and shows the list again with its message; null from <paramref name="change"/>: no such account.</summary>
    private async Task<IActionResult> Change(Func<Task<string?>> change, CancellationToken cancellationToken)
    {
        try
        {
            if (await change() is not { } message)
            {
                return NotFound();
            }

            Message = message;
        }
        catch (ArgumentException ex)
        {
            (Message, Refused) = ($"Not changed: {ex.Message}", true);
        }

        Accounts = await accounts.List(cancellationToken);
        return Page();
    }
}
