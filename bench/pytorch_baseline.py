"""The PyTorch side of the speed comparison: the project's default network and head, trained eagerly.

Same network as org.softmaxzoo.model.ThreeBlockCnn (3 x [conv3x3 SAME + bias, ReLU, max-pool 2x2 SAME]
with 32/64/128 channels, dense 2048 -> d), softmax or ArcFace head, Adam lr 1e-3 with weight decay
1e-3, random data. Prints training and inference images/s (warm-up excluded, median of repeats).
Run with Debian's Python, which sees python3-torch: /usr/bin/python3 bench/pytorch_baseline.py
"""
import argparse
import math
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class ThreeBlockCnn(nn.Module):
    def __init__(self, feature_dim):
        super().__init__()
        self.convs = nn.ModuleList([nn.Conv2d(i, o, 3, padding=1) for i, o in ((1, 32), (32, 64), (64, 128))])
        self.fc = nn.Linear(4 * 4 * 128, feature_dim)

    def forward(self, x):
        for conv in self.convs:
            # ceil_mode matches TensorFlow's SAME pooling: 28 -> 14 -> 7 -> 4
            x = F.max_pool2d(F.relu(conv(x)), 2, 2, ceil_mode=True)
        return self.fc(x.flatten(1))


class Head(nn.Module):
    def __init__(self, kind, feature_dim, classes, scale=10.0, margin=math.radians(30)):
        super().__init__()
        self.kind, self.s, self.m = kind, scale, margin
        self.linear = nn.Linear(feature_dim, classes, bias=(kind == "softmax"))

    def forward(self, f, y):
        if self.kind == "softmax":
            return F.cross_entropy(self.linear(f), y)
        cos = F.linear(F.normalize(f), F.normalize(self.linear.weight)).clamp(-1 + 1e-6, 1 - 1e-6)
        target = torch.cos(torch.acos(cos) + self.m)
        onehot = F.one_hot(y, cos.shape[1]).bool()
        return F.cross_entropy(self.s * torch.where(onehot, target, cos), y)


def timed(fn, steps, batch):
    start = time.perf_counter()
    for _ in range(steps):
        fn()
    return steps * batch / (time.perf_counter() - start)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--head", choices=["softmax", "arcface"], default="softmax")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--steps", type=int, default=100)
    p.add_argument("--warmup", type=int, default=20)
    p.add_argument("--repeats", type=int, default=3)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    model, head = ThreeBlockCnn(2), Head(a.head, 2, 10)
    opt = torch.optim.Adam(list(model.parameters()) + list(head.parameters()), lr=1e-3, weight_decay=1e-3)
    x = torch.rand(a.batch, 1, 28, 28)
    y = torch.randint(0, 10, (a.batch,))

    def train_step():
        opt.zero_grad()
        head(model(x), y).backward()
        opt.step()

    def infer_step():
        with torch.no_grad():
            model(x)

    print(f"pytorch {torch.__version__}, threads {torch.get_num_threads()}, head {a.head}, batch {a.batch}")
    for name, fn in (("train", train_step), ("inference", infer_step)):
        timed(fn, a.warmup, a.batch)
        rates = [timed(fn, a.steps, a.batch) for _ in range(a.repeats)]
        print(f"pytorch {name} images/s (batch {a.batch}, median of {a.repeats}): {statistics.median(rates):.1f}")


if __name__ == "__main__":
    main()
