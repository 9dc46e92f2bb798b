"""The seed article's spam classifier in PyTorch, as a loopsweep command objective.

embedding → one recurrent layer (the article's LoopUnit, or an LSTM) → dropout → linear → 2
classes, trained with cross-entropy on SpamAssassin (spam.csv from `sweep data export`). Each
epoch reports val_accuracy and val_loss; run alone it prints the same lines:

    python3 train.py --cell loop --optimizer adam --lr 0.003 --epochs 3
"""
import argparse
import csv
import random
import re
import sys
import time
from collections import Counter

import torch
from torch import nn

from loopsweep import report

parser = argparse.ArgumentParser()
parser.add_argument("--cell", choices=["loop", "lstm"], default="loop")
parser.add_argument("--optimizer", choices=["sgd", "momentum", "adam", "rmsprop", "adagrad"], default="adam")
parser.add_argument("--lr", type=float, default=3e-3)
parser.add_argument("--clip", choices=["none", "value", "norm"], default="norm")
parser.add_argument("--units", type=int, default=32)
parser.add_argument("--dropout", type=float, default=0.2)
parser.add_argument("--epochs", type=int, default=3)
parser.add_argument("--seed", type=int, default=0)
parser.add_argument("--data", default="spam.csv")
parser.add_argument("--limit", type=int, default=2000)
parser.add_argument("--max-len", type=int, default=100)
parser.add_argument("--vocab", type=int, default=5000)
parser.add_argument("--batch", type=int, default=32)
args = parser.parse_args()

PAD, OOV = 0, 1
csv.field_size_limit(sys.maxsize)


def load(path):
    """The same subset and split for every trial (split seed 0); the trial's seed is for the model."""
    with open(path, newline="", encoding="utf-8") as f:
        rows = [(r["text"], int(r["label"])) for r in csv.DictReader(f)]
    random.Random(0).shuffle(rows)
    rows = rows[: args.limit]
    cut = int(len(rows) * 0.8)
    train, val = rows[:cut], rows[cut:]
    words = lambda text: re.findall(r"[a-z0-9']+", text.lower())[: args.max_len]
    counts = Counter(w for text, _ in train for w in words(text))
    index = {w: i + 2 for i, (w, _) in enumerate(counts.most_common(args.vocab - 2))}

    def encode(part):
        ids = torch.zeros(len(part), args.max_len, dtype=torch.long)
        lengths = torch.ones(len(part), dtype=torch.long)
        for i, (text, _) in enumerate(part):
            seq = [index.get(w, OOV) for w in words(text)] or [OOV]
            ids[i, : len(seq)] = torch.tensor(seq)
            lengths[i] = len(seq)
        return ids, lengths, torch.tensor([label for _, label in part])

    return encode(train), encode(val)


class LoopUnit(nn.Module):
    """The article's cell: h_t = drop(relu(tanh(W2·drop(relu(tanh(W1·[x_t; h_{t-1}] + b1))) + b2))).
    No gates; the state stays in [0, 1). Looped in Python, step by step, padding masked out."""

    def __init__(self, inputs, units, dropout):
        super().__init__()
        self.units = units
        self.step1 = nn.Linear(inputs + units, units)
        self.step2 = nn.Linear(units, units)
        self.drop = nn.Dropout(dropout)

    def forward(self, x, lengths):
        h = x.new_zeros(x.size(0), self.units)
        for t in range(x.size(1)):
            z = self.drop(torch.relu(torch.tanh(self.step1(torch.cat([x[:, t], h], dim=1)))))
            new = self.drop(torch.relu(torch.tanh(self.step2(z))))
            live = (t < lengths).unsqueeze(1).to(x.dtype)  # padding leaves the state alone
            h = live * new + (1 - live) * h
        return h


class Classifier(nn.Module):
    def __init__(self, cell, vocab, units, dropout):
        super().__init__()
        self.embed = nn.Embedding(vocab, 32, padding_idx=PAD)
        self.cell = cell
        self.rnn = LoopUnit(32, units, dropout) if cell == "loop" else nn.LSTM(32, units, batch_first=True)
        self.drop = nn.Dropout(dropout)
        self.head = nn.Linear(units, 2)

    def forward(self, ids, lengths):
        x = self.embed(ids)
        if self.cell == "loop":
            h = self.rnn(x, lengths)
        else:
            packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
            _, (h, _) = self.rnn(packed)
            h = h[-1]
        return self.head(self.drop(h))


def optimizer(params):
    return {
        "sgd": lambda: torch.optim.SGD(params, lr=args.lr),
        "momentum": lambda: torch.optim.SGD(params, lr=args.lr, momentum=0.9),
        "adam": lambda: torch.optim.Adam(params, lr=args.lr),
        "rmsprop": lambda: torch.optim.RMSprop(params, lr=args.lr),
        "adagrad": lambda: torch.optim.Adagrad(params, lr=args.lr),
    }[args.optimizer]()


def main():
    torch.manual_seed(args.seed)
    started = time.time()
    (train_ids, train_len, train_y), (val_ids, val_len, val_y) = load(args.data)
    print("data: %d train, %d val, %.1fs" % (len(train_y), len(val_y), time.time() - started))
    model = Classifier(args.cell, args.vocab, args.units, args.dropout)
    opt = optimizer(model.parameters())
    loss_fn = nn.CrossEntropyLoss()
    for epoch in range(1, args.epochs + 1):
        model.train()
        order = torch.randperm(len(train_y))
        for start in range(0, len(order), args.batch):
            batch = order[start : start + args.batch]
            opt.zero_grad()
            loss = loss_fn(model(train_ids[batch], train_len[batch]), train_y[batch])
            loss.backward()
            if args.clip == "value":
                nn.utils.clip_grad_value_(model.parameters(), 1.0)
            elif args.clip == "norm":
                nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
        model.eval()
        with torch.no_grad():
            logits = model(val_ids, val_len)
            val_loss = loss_fn(logits, val_y).item()
            val_accuracy = (logits.argmax(1) == val_y).float().mean().item()
        print("epoch %d: train loss %.4f, %.1fs" % (epoch, loss.item(), time.time() - started))
        if report(epoch, val_accuracy=val_accuracy, val_loss=val_loss):
            return  # pruned: the sweep has what it needs


main()
