#!/usr/bin/env python3
"""Loss and gradients of the heads' upstream implementations on one fixed batch, for UpstreamHeadsTest.

Each case runs the authors' (or a reference library's) PyTorch module, in float64, on the batch below and
writes the mean loss and its gradients with respect to the features x (n x d) and the class weights W
(d x C, this project's layout) as one line of tests/crosscheck/upstream-heads.csv, next to the head spec of
this project that should give the same numbers. None of the upstream code is part of this project: fetch
the repositories at the commits named in the CSV's header and give their source folders:

  PYTHONPATH=<pytorch-metric-learning>/src /usr/bin/python3 tests/crosscheck/upstream_heads.py \
      --insightface <insightface>/recognition/arcface_torch --curricularface <CurricularFace> \
      --adaface <AdaFace> --magface <MagFace> --elasticface <ElasticFace> --centerloss <pytorch-center-loss> \
      > tests/crosscheck/upstream-heads.csv

Needs torch (Debian: python3-torch), scipy and tqdm (pytorch-metric-learning imports them).
"""
import argparse
import contextlib
import importlib.util
import math
import sys

import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)

# The batch: six 3-d features of five classes. Angles to the own class weight 49, 55, 76, 167, 129 and 86 degrees:
# row 3 lies past pi - 0.5 (ArcFace's fallback region), row 4 has cos theta_y < 0 before it (where an "easy
# margin" keeps cos theta_y); norms 0.47 to 2.6, so MagFace's clip to [0.5, 3] acts on row 4.
X = [[1.5, -0.5, 0.3], [-0.4, 1.2, 0.8], [0.7, 0.9, -1.1], [-0.75, 0.1, 0.45], [0.35, 0.2, 0.25], [2.0, 1.4, 0.9]]
W = [[0.8, -0.3, 0.2, 0.5, -0.7], [0.1, 0.9, -0.6, 0.4, 0.3], [-0.5, 0.2, 0.7, 0.6, -0.2]]
Y = [0, 3, 1, 0, 4, 2]
D, C = len(W), len(W[0])
# Sub-center ArcFace with K = 2 sub-centres (d x KC, this project's layout: column k C + c is sub-centre k of
# class c): W, then W with its rows rolled by one and times 0.9, so that the max picks different sub-centres.
K = 2
W_SUBCENTER = [row + [0.9 * v for v in W[(i - 1) % D]] for i, row in enumerate(W)]
# Center loss's class centres (C x d), given to both implementations as their state.
CENTERS = [[0.5, -0.2, 0.1], [-0.3, 0.4, 0.6], [0.2, 0.8, -0.5], [-0.6, 0.9, 0.3], [0.4, 0.1, 0.2]]


def load(path, module):
    spec = importlib.util.spec_from_file_location(module, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def tensors():
    return torch.tensor(X, requires_grad=True), torch.tensor(W, requires_grad=True), torch.tensor(Y)


def numbers(t):
    return " ".join(repr(float(v)) for v in t.detach().flatten())


def emit(spec, source, loss, x_grad, w_grad):
    """One CSV line; gradients None where the upstream code's gradient is not the loss's derivative."""
    assert ";" not in spec + source, "the CSV's separator in: " + spec + source
    print(f"{spec};{source};{float(loss)!r};{numbers(x_grad) if x_grad is not None else ''};"
          f"{numbers(w_grad) if w_grad is not None else ''}")


def with_weights(module, attribute, w):
    """Puts W (or a column permutation of it) into an upstream module as its float64 weight parameter."""
    setattr(module, attribute, torch.nn.Parameter(w.detach().clone()))
    return getattr(module, attribute)


def pml_cases():
    from pytorch_metric_learning import losses

    def run(spec, loss_fn):
        x, w, y = tensors()
        weight = with_weights(loss_fn, "W", w)
        loss = loss_fn(x, y)
        loss.backward()
        emit(spec, "pytorch-metric-learning " + type(loss_fn).__name__, loss, x.grad, weight.grad)

    run("cosface(s=5,m=0.35)", losses.CosFaceLoss(num_classes=C, embedding_size=D, margin=0.35, scale=5))
    run("arcface(s=5,m=0.5)", losses.ArcFaceLoss(num_classes=C, embedding_size=D, margin=math.degrees(0.5), scale=5))
    for m in (2, 3, 4):
        run(f"lsoftmax(m={m},beta=0)", losses.LargeMarginSoftmaxLoss(num_classes=C, embedding_size=D, margin=m, scale=1))
    run("sphereface(m=4,lambda=0)", losses.SphereFaceLoss(num_classes=C, embedding_size=D, margin=4, scale=1))
    run("normface(s=5)", losses.NormalizedSoftmaxLoss(num_classes=C, embedding_size=D, temperature=0.2))

    # Sub-center ArcFace: the library holds sub-centre k of class c in column c K + k.
    library_to_ours = [k * C + c for c in range(C) for k in range(K)]
    ours_to_library = sorted(range(K * C), key=lambda col: library_to_ours[col])
    loss_fn = losses.SubCenterArcFaceLoss(num_classes=C, embedding_size=D, margin=math.degrees(0.5), scale=5, sub_centers=K)
    x, _, y = tensors()
    weight = with_weights(loss_fn, "W", torch.tensor(W_SUBCENTER)[:, library_to_ours])
    loss = loss_fn(x, y)
    loss.backward()
    emit(f"subcenter(s=5,m=0.5,k={K})", "pytorch-metric-learning SubCenterArcFaceLoss (class weights: w_subcenter)",
         loss, x.grad, weight.grad[:, ours_to_library])


def insightface_cases(folder):
    mod = load(f"{folder}/losses.py", "insightface_losses")
    source = "insightface arcface_torch CombinedMarginLoss"
    for spec, margin in (("cosface(s=5,m=0.35)", mod.CombinedMarginLoss(5, 1.0, 0.0, 0.35)),
                         ("arcface(s=5,m=0.5,fallback=false)", mod.CombinedMarginLoss(5, 1.0, 0.5, 0.0))):
        x, w, y = tensors()
        loss = F.cross_entropy(margin(F.linear(F.normalize(x), F.normalize(w, dim=0).t()), y), y)
        loss.backward()
        if "arcface" in spec:
            # its ArcFace margin is applied under no_grad: the gradient treats cos(theta + m) as cos theta
            emit(spec, source + " (loss only: the margin carries no gradient there)", loss, None, None)
        else:
            emit(spec, source, loss, x.grad, w.grad)


def curricularface_case(folder):
    head = load(f"{folder}/head/metrics.py", "curricularface_metrics").CurricularFace(D, C, m=0.5, s=5.0)
    x, w, y = tensors()
    weight = with_weights(head, "kernel", w)
    loss = F.cross_entropy(head(x, y)[0], y)
    loss.backward()
    emit("curricularface(s=5,m=0.5,alpha=0.01)", "CurricularFace head/metrics.py CurricularFace (first step: t from 0)",
         loss, x.grad, weight.grad)


def adaface_case(folder):
    with contextlib.redirect_stdout(sys.stderr):  # the constructor prints its settings
        head = load(f"{folder}/head.py", "adaface_head").AdaFace(embedding_size=D, classnum=C, m=0.4, h=0.333, s=5.0, t_alpha=0.01)
    x, w, y = tensors()
    weight = with_weights(head, "kernel", w)
    norms = torch.norm(x, 2, 1, True)
    loss = F.cross_entropy(head(x / norms, norms, y), y)  # the authors' backbone returns x / ||x|| and ||x||
    loss.backward()
    emit("adaface(s=5,m=0.4,h=0.333)", "AdaFace head.py AdaFace (t_alpha 0.01, first step: statistics from 20 and 100)",
         loss, x.grad, weight.grad)


def magface_case(folder):
    sys.path.insert(0, folder)  # models/magface.py imports models.iresnet
    mod = load(f"{folder}/models/magface.py", "magface_models")
    l_a, u_a, l_m, u_m, lambda_g = 0.5, 3.0, 0.45, 0.8, 2.0
    for easy in (True, False):
        linear = mod.MagLinear(D, C, scale=5.0, easy_margin=easy)
        x, w, y = tensors()
        weight = with_weights(linear, "weight", w)
        logits, x_norm = linear(x, lambda a: (u_m - l_m) / (u_a - l_a) * (a - l_a) + l_m, l_a, u_a)
        loss_id, loss_g, _ = mod.MagLoss(l_a, u_a, l_m, u_m, scale=5.0)(logits, y, x_norm)
        loss = loss_id + lambda_g * loss_g
        loss.backward()
        emit(f"magface(s=5,l_a={l_a},u_a={u_a},l_m={l_m},u_m={u_m},lambda_g={lambda_g},easy_margin={str(easy).lower()})",
             f"MagFace models/magface.py MagLinear (easy_margin={easy}) + MagLoss", loss, x.grad, weight.grad)


def elasticface_case(folder):
    mod = load(f"{folder}/utils/losses.py", "elasticface_losses")
    # std 0: every drawn margin is the mean, so the two implementations' random streams do not matter
    for spec, head in (("elasticface(s=5,form=arc,m=0.5,sigma=0,fallback=false)", mod.ElasticArcFace(D, C, s=5.0, m=0.5, std=0.0)),
                       ("elasticface(s=5,form=cos,m=0.35,sigma=0)", mod.ElasticCosFace(D, C, s=5.0, m=0.35, std=0.0))):
        x, w, y = tensors()
        weight = with_weights(head, "kernel", w)
        loss = F.cross_entropy(head(x, y), y)
        loss.backward()
        emit(spec, f"ElasticFace utils/losses.py {type(head).__name__} (std 0)", loss, x.grad, weight.grad)


def center_loss_case(folder):
    mod = load(f"{folder}/center_loss.py", "center_loss")
    term = mod.CenterLoss(num_classes=C, feat_dim=D, use_gpu=False)
    term.centers = torch.nn.Parameter(torch.tensor(CENTERS))
    x, w, y = tensors()
    # Their term is (1/m) sum_i ||x_i - c_y||^2, without the paper's 1/2: their lambda 0.05 is this project's 0.1.
    loss = F.cross_entropy(x @ w, y) + 0.05 * term(x, y)
    loss.backward()
    emit("softmax(bias=false)+center(lambda=0.1,update=sgd)", "pytorch-center-loss center_loss.py CenterLoss (lambda 0.05)"
         " + the cross-entropy of x W (centres: state center/centers)", loss, x.grad, w.grad)


def main():
    p = argparse.ArgumentParser()
    for name in ("insightface", "curricularface", "adaface", "magface", "elasticface", "centerloss"):
        p.add_argument(f"--{name}", required=True, help=f"the {name} source folder (see the module docstring)")
    p.add_argument("--commits", default="", help="free text for the header: the upstream commits used")
    a = p.parse_args()
    print("# Upstream implementations' loss and gradients on one batch (tests/crosscheck/upstream_heads.py, float64).")
    if a.commits:
        print(f"# Upstream commits: {a.commits}")
    print("# spec;source;mean loss;d loss/d x (n x d, row-major);d loss/d W (d x C, row-major, this project's layout; subcenter: d x KC)")
    print("x;;;" + " ".join(repr(v) for row in X for v in row) + ";")
    print("w;;;" + " ".join(repr(v) for row in W for v in row) + ";")
    print("w_subcenter;;;" + " ".join(repr(v) for row in W_SUBCENTER for v in row) + ";")
    print("labels;;;" + " ".join(str(v) for v in Y) + ";")
    print("state:center/centers;;;" + " ".join(repr(v) for row in CENTERS for v in row) + ";")
    pml_cases()
    insightface_cases(a.insightface)
    curricularface_case(a.curricularface)
    adaface_case(a.adaface)
    magface_case(a.magface)
    elasticface_case(a.elasticface)
    center_loss_case(a.centerloss)


if __name__ == "__main__":
    main()
