using System.Globalization;
using LoadClient;

// Modes (every one prints "ROW|metric|value|spec target|our target|pass or MISS" lines for bench/run, or
// "CHECK|name|pass or FAIL|detail" lines for tests/scale-out/run.sh; exit code 0 unless the arguments are wrong):
//   hub <base> <tokens file> <connections per user> <jobs per minute> <seconds>
//   circuits <base> <app pid> <pages> <email> <password>
//   check-hub <base> <affinity of the hub client> <affinity of the ingest> <token> [check name]
//   check-browser <base> <affinity A> <affinity B> <email> <password>
//   check-failover <base> <affinity> <script that stops the instance it pins to> <email> <password>
var invariant = CultureInfo.InvariantCulture;
switch (args.FirstOrDefault())
{
    case "hub" when args.Length >= 6:
        await HubLoad.RunAsync(new Uri(args[1]), File.ReadAllLines(args[2]), int.Parse(args[3], invariant), int.Parse(args[4], invariant), int.Parse(args[5], invariant));
        return 0;
    case "circuits" when args.Length >= 6:
        await CircuitMemory.RunAsync(new Uri(args[1]), int.Parse(args[2], invariant), int.Parse(args[3], invariant), args[4], args[5]);
        return 0;
    case "check-hub" when args.Length >= 5:
        return args.Length >= 6
            ? await ScaleOutChecks.HubAcrossInstancesAsync(args[1], args[2], args[3], args[4], args[5])
            : await ScaleOutChecks.HubAcrossInstancesAsync(args[1], args[2], args[3], args[4]);
    case "check-browser" when args.Length >= 6:
        return await ScaleOutChecks.BrowserAcrossInstancesAsync(args[1], args[2], args[3], args[4], args[5]);
    case "check-failover" when args.Length >= 6:
        return await ScaleOutChecks.FailoverAsync(args[1], args[2], args[3], args[4], args[5]);
    default:
        Console.Error.WriteLine("usage: see the comment at the top of bench/LoadClient/Program.cs");
        return 2;
}
