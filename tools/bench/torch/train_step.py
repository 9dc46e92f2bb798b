#!/usr/bin/env python3
"""PyTorch reference for tools/bench/train-step.mjs: ms per training batch of the same model.

Embedding(5000, 64) -> cell(64) -> Dense(2), batch 32, Adam, cross-entropy, one thread (the
embedding and cell widths can be changed); the loopsweep "loop" cell has no PyTorch counterpart.
Prints one JSON object per line:
  {"cell": "lstm", "seq": 100, "flush_denormal": true, "ms": 34.1}

  python3 train_step.py [--cells simple,lstm,gru] [--seqs 50,100,200] [--batches 5]
                        [--repeats 1] [--no-flush-cells lstm] [--no-flush-seqs 200]
                        [--units 64] [--embedding 64]
"""
import argparse
import json
import time

import torch

VOCAB, BATCH = 5000, 32


class Classifier(torch.nn.Module):
    def __init__(self, cell, embedding, units):
        super().__init__()
        self.embedding = torch.nn.Embedding(VOCAB, embedding)
        rnn = {"simple": torch.nn.RNN, "lstm": torch.nn.LSTM, "gru": torch.nn.GRU}[cell]
        self.rnn = rnn(embedding, units, batch_first=True)
        self.head = torch.nn.Linear(units, 2)

    def forward(self, tokens):
        outputs, _ = self.rnn(self.embedding(tokens))
        return self.head(outputs[:, -1])


def ms_per_batch(cell, seq, batches, flush, embedding, units):
    # set_flush_denormal is process-wide: set it for each measurement.
    torch.set_flush_denormal(flush)
    torch.manual_seed(1)
    model = Classifier(cell, embedding, units)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = torch.nn.CrossEntropyLoss()
    data = [(torch.randint(2, VOCAB, (BATCH, seq)), torch.randint(0, 2, (BATCH,))) for _ in range(batches)]

    def epoch():
        for x, y in data:
            optimizer.zero_grad()
            loss_fn(model(x), y).backward()
            optimizer.step()

    epoch()  # warm-up, as the tfjs benchmark's first epoch
    started = time.perf_counter()
    epoch()
    return (time.perf_counter() - started) * 1000 / batches


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cells", default="simple,lstm,gru")
    parser.add_argument("--seqs", default="50,100,200")
    parser.add_argument("--batches", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=1, help="report the smallest of N measurements")
    parser.add_argument("--no-flush-cells", default="lstm")
    parser.add_argument("--no-flush-seqs", default="200")
    parser.add_argument("--units", type=int, default=64)
    parser.add_argument("--embedding", type=int, default=64)
    args = parser.parse_args()
    torch.set_num_threads(1)
    split = lambda text: [s for s in text.split(",") if s]
    no_flush = {(c, int(s)) for c in split(args.no_flush_cells) for s in split(args.no_flush_seqs)}
    for cell in split(args.cells):
        for seq in map(int, split(args.seqs)):
            for flush in [True] + ([False] if (cell, seq) in no_flush else []):
                ms = min(ms_per_batch(cell, seq, args.batches, flush, args.embedding, args.units) for _ in range(args.repeats))
                print(json.dumps({"cell": cell, "seq": seq, "flush_denormal": flush, "ms": round(ms, 1)}), flush=True)


if __name__ == "__main__":
    main()
