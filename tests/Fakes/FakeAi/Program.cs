namespace FakeAi;

/// <summary>
/// Runnable by hand for demos: <c>dotnet run --project tests/Fakes/FakeAi -- --port 5055</c>.
/// Not a top-level program: the tests reference this assembly next to the app's, and two global <c>Program</c> types would collide.
/// </summary>
internal static class Program
{
    private static Task Main(string[] args) => FakeAiServer.RunStandaloneAsync(args);
}
