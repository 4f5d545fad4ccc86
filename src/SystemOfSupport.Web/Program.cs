// Run on its own (dotnet run --project src/SystemOfSupport.Web) or through `sos serve`, which calls the same.
await SystemOfSupport.Web.SosWebApp.RunAsync(args);
