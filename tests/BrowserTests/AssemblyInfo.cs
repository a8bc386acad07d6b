// One browser journey at a time: on 2 cores, parallel journeys (each with its own app and Chromium) starve each
// other and turn timing into flakiness.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
