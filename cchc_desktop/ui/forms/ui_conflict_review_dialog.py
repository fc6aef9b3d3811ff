# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'conflict_review_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QCheckBox,
    QComboBox, QDialog, QDialogButtonBox, QHBoxLayout,
    QLabel, QListView, QPushButton, QSizePolicy,
    QSpacerItem, QSplitter, QTextBrowser, QVBoxLayout,
    QWidget)

class Ui_ConflictReviewDialog(object):
    def setupUi(self, ConflictReviewDialog):
        if not ConflictReviewDialog.objectName():
            ConflictReviewDialog.setObjectName(u"ConflictReviewDialog")
        ConflictReviewDialog.resize(1040, 680)
        self.main_layout = QVBoxLayout(ConflictReviewDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.rules_label = QLabel(ConflictReviewDialog)
        self.rules_label.setObjectName(u"rules_label")
        self.rules_label.setWordWrap(True)
        self.rules_label.setTextFormat(Qt.TextFormat.RichText)

        self.main_layout.addWidget(self.rules_label)

        self.splitter = QSplitter(ConflictReviewDialog)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.list_pane = QWidget(self.splitter)
        self.list_pane.setObjectName(u"list_pane")
        self.list_layout = QVBoxLayout(self.list_pane)
        self.list_layout.setObjectName(u"list_layout")
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.count_label = QLabel(self.list_pane)
        self.count_label.setObjectName(u"count_label")
        self.count_label.setWordWrap(True)

        self.list_layout.addWidget(self.count_label)

        self.list_view = QListView(self.list_pane)
        self.list_view.setObjectName(u"list_view")
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list_view.setAlternatingRowColors(True)
        self.list_view.setWordWrap(True)

        self.list_layout.addWidget(self.list_view)

        self.closed_check = QCheckBox(self.list_pane)
        self.closed_check.setObjectName(u"closed_check")

        self.list_layout.addWidget(self.closed_check)

        self.splitter.addWidget(self.list_pane)
        self.card_pane = QWidget(self.splitter)
        self.card_pane.setObjectName(u"card_pane")
        self.card_layout = QVBoxLayout(self.card_pane)
        self.card_layout.setObjectName(u"card_layout")
        self.card_layout.setContentsMargins(0, 0, 0, 0)
        self.card_view = QTextBrowser(self.card_pane)
        self.card_view.setObjectName(u"card_view")
        self.card_view.setOpenLinks(False)

        self.card_layout.addWidget(self.card_view)

        self.permission_label = QLabel(self.card_pane)
        self.permission_label.setObjectName(u"permission_label")
        self.permission_label.setWordWrap(True)

        self.card_layout.addWidget(self.permission_label)

        self.actions_layout = QHBoxLayout()
        self.actions_layout.setObjectName(u"actions_layout")
        self.keep_button = QPushButton(self.card_pane)
        self.keep_button.setObjectName(u"keep_button")

        self.actions_layout.addWidget(self.keep_button)

        self.use_other_button = QPushButton(self.card_pane)
        self.use_other_button.setObjectName(u"use_other_button")

        self.actions_layout.addWidget(self.use_other_button)

        self.other_combo = QComboBox(self.card_pane)
        self.other_combo.setObjectName(u"other_combo")

        self.actions_layout.addWidget(self.other_combo)

        self.new_value_button = QPushButton(self.card_pane)
        self.new_value_button.setObjectName(u"new_value_button")

        self.actions_layout.addWidget(self.new_value_button)

        self.dismiss_button = QPushButton(self.card_pane)
        self.dismiss_button.setObjectName(u"dismiss_button")

        self.actions_layout.addWidget(self.dismiss_button)

        self.actions_spacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actions_layout.addItem(self.actions_spacer)


        self.card_layout.addLayout(self.actions_layout)

        self.status_label = QLabel(self.card_pane)
        self.status_label.setObjectName(u"status_label")
        self.status_label.setWordWrap(True)

        self.card_layout.addWidget(self.status_label)

        self.splitter.addWidget(self.card_pane)

        self.main_layout.addWidget(self.splitter)

        self.button_box = QDialogButtonBox(ConflictReviewDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.main_layout.addWidget(self.button_box)

        self.main_layout.setStretch(1, 1)
        QWidget.setTabOrder(self.list_view, self.closed_check)
        QWidget.setTabOrder(self.closed_check, self.card_view)
        QWidget.setTabOrder(self.card_view, self.keep_button)
        QWidget.setTabOrder(self.keep_button, self.use_other_button)
        QWidget.setTabOrder(self.use_other_button, self.other_combo)
        QWidget.setTabOrder(self.other_combo, self.new_value_button)
        QWidget.setTabOrder(self.new_value_button, self.dismiss_button)

        self.retranslateUi(ConflictReviewDialog)
    # setupUi

    def retranslateUi(self, ConflictReviewDialog):
        ConflictReviewDialog.setWindowTitle(QCoreApplication.translate("ConflictReviewDialog", u"C\u1ea7n xem l\u1ea1i", None))
        self.rules_label.setText("")
        self.count_label.setText("")
        self.closed_check.setText(QCoreApplication.translate("ConflictReviewDialog", u"Hi\u1ec7n c\u1ea3 c\u00e1c m\u1ee5c \u0111\u00e3 &x\u1eed l\u00fd", None))
        self.permission_label.setText("")
        self.keep_button.setText(QCoreApplication.translate("ConflictReviewDialog", u"&Gi\u1eef gi\u00e1 tr\u1ecb \u0111ang d\u00f9ng", None))
        self.use_other_button.setText(QCoreApplication.translate("ConflictReviewDialog", u"&D\u00f9ng gi\u00e1 tr\u1ecb kh\u00e1c", None))
#if QT_CONFIG(tooltip)
        self.other_combo.setToolTip(QCoreApplication.translate("ConflictReviewDialog", u"Gi\u00e1 tr\u1ecb kh\u00e1c s\u1ebd d\u00f9ng (khi c\u00f3 nhi\u1ec1u h\u01a1n m\u1ed9t)", None))
#endif // QT_CONFIG(tooltip)
        self.new_value_button.setText(QCoreApplication.translate("ConflictReviewDialog", u"&Nh\u1eadp gi\u00e1 tr\u1ecb m\u1edbi\u2026", None))
        self.dismiss_button.setText(QCoreApplication.translate("ConflictReviewDialog", u"\u0110\u00e1nh d\u1ea5u \u0111\u00e3 &xem", None))
        self.status_label.setText("")
    # retranslateUi

