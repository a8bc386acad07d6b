using Microsoft.AspNetCore.Http.Features;

namespace FakeAi.Http;

/// <summary>
/// The flow every generation request takes, whatever the provider: log it, find the provider's own error (key,
/// headers, body), take a queued fault, wait (first-byte delay), then answer: error, whole body or stream.
/// </summary>
internal static class GenerationEndpoint
{
    public static async Task HandleAsync(HttpContext http, ServerContext context, IWire wire)
    {
        var raw = await HttpBits.ReadBodyAsync(http);
        var (request, error) = wire.Parse(http, raw, context);
        context.Log.Add(request);

        var fault = error is null ? context.Script.TakeFault(wire.Provider) : null;
        var delay = context.Script.FirstByteDelay + (fault?.Kind == FakeAiFaultKind.Slow ? fault.Delay : TimeSpan.Zero);
        if (delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(delay, context.Options.TimeProvider, http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return; // the client gave up waiting
            }
        }

        if (error is not null)
        {
            await wire.WriteErrorAsync(http, error);
            return;
        }

        switch (fault?.Kind)
        {
            case FakeAiFaultKind.Status:
                await wire.WriteErrorAsync(http, wire.FaultError(fault, request));
                return;
            case FakeAiFaultKind.DropMidStream when !request.Stream:
                http.Abort(); // a whole-body answer has no middle: the connection just closes
                return;
        }

        var plan = ReplyPlan.Create(request, context.Script);
        wire.AddResponseHeaders(http);
        if (request.Stream)
        {
            await StreamAsync(http, wire.StreamFrames(request, plan, context), plan.ChunkDelay, fault, context);
        }
        else
        {
            await wire.WriteCompletionAsync(http, request, plan, context);
        }
    }

    private static async Task StreamAsync(HttpContext http, IEnumerable<SseFrame> frames, TimeSpan chunkDelay, FakeAiFault? fault, ServerContext context)
    {
        var drop = fault?.Kind == FakeAiFaultKind.DropMidStream ? fault : null;
        var response = http.Response;
        var aborted = http.RequestAborted;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        if (drop is not null)
        {
            // To cut a stream the fake promises more bytes than it sends and returns: Kestrel then sends what was
            // written and closes the connection (FIN), so the client reads every chunk and then sees the body end
            // early, as when a proxy or the provider drops a stream. HttpContext.Abort() would reset the connection
            // instead, and the client's kernel would discard chunks the client had not read yet.
            response.ContentLength = 1L << 30;
        }

        var started = false;
        try
        {
            await response.StartAsync(aborted);
            started = true;
            context.Log.StreamStarted();
            var contentSent = 0;
            foreach (var frame in frames)
            {
                if (frame.IsContent && drop is not null && contentSent == drop.AfterChunks)
                {
                    context.Log.StreamDroppedByServer();
                    return;
                }

                await response.WriteAsync(Format(frame), aborted);
                await response.Body.FlushAsync(aborted);
                if (frame.IsContent)
                {
                    contentSent++;
                    if (chunkDelay > TimeSpan.Zero)
                    {
                        await Task.Delay(chunkDelay, context.Options.TimeProvider, aborted);
                    }
                }
            }

            if (aborted.IsCancellationRequested)
            {
                context.Log.StreamAbortedByClient();
            }
            else if (drop is not null)
            {
                context.Log.StreamDroppedByServer(); // fewer chunks than AfterChunks: cut after the last event
            }
            else
            {
                context.Log.StreamCompleted();
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            if (started)
            {
                context.Log.StreamAbortedByClient();
            }
        }
    }

    private static string Format(SseFrame frame) =>
        frame.Event is null ? $"data: {frame.Data}\n\n" : $"event: {frame.Event}\ndata: {frame.Data}\n\n";
}
